-- Every action an access log has recorded (READ, DOWNLOAD, SUBMIT, ...): the values the access log's action filter
-- accepts. Filled by the access-log consumer as actions appear; small, however long the log grows.
create table access_action (
    action  varchar(50) primary key
);
insert into access_action (action) select distinct action from access_log_entry;
