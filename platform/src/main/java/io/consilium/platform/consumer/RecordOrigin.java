package io.consilium.platform.consumer;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Where a consumed record came from, so ops can find it on the broker too; empty parts when unknown. */
public record RecordOrigin(String topic, Integer partition, Long offset) {

    static RecordOrigin of(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> new RecordOrigin(kafka.getTopic(), kafka.getPartition(), kafka.getOffset()))
                .orElse(new RecordOrigin(null, null, null));
    }
}
