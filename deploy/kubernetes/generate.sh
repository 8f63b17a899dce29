#!/usr/bin/env bash
# Writes the Kubernetes resources that follow from deploy/suite/ (the one list of topics and databases the local
# scripts read too): KafkaTopics, KafkaUsers with ACLs, the CNPG databases and roles, and each service's
# Deployment/Service/PDB/HPA/NetworkPolicy. Run after changing deploy/suite/*.txt; the output is committed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
suite="$here/../suite"
out="$here/base/generated"
mkdir -p "$out"
mapfile -t topics < <(grep -v '^#' "$suite/topics.txt")
mapfile -t services < <(grep -v '^#' "$suite/databases.txt")

# What each service's consumers read and where they file dead letters, from its application.properties:
# mp.messaging.incoming.<channel>.topic(s) and .dead-letter-queue.topic (one source, so the ACLs follow the code).
incoming() { # incoming SERVICE 'topics?'|'dead-letter-queue\.topic'
  local props="$here/../../$1-service/src/main/resources/application.properties"
  [[ -f "$props" ]] || return 0
  grep -E "^mp\.messaging\.incoming\.[^.]+\.$2=" "$props" | sed 's/^[^=]*=//' | tr ',' '\n' | sed 's/^ *//; s/ *$//' | sort -u
}
strimzi_header() { # strimzi_header KIND NAME
  printf -- '---\napiVersion: kafka.strimzi.io/v1beta2\nkind: %s\nmetadata:\n  name: %s\n  labels:\n    strimzi.io/cluster: consilium\n' "$1" "$2"
}
declare -A port=([gateway]=8080 [case]=8081 [document]=8082 [specialist]=8083 [report]=8084 [notification]=8085)

{
  for t in "${topics[@]}"; do
    for name in "$t" "$t.dlq"; do
      strimzi_header KafkaTopic "${name//./-}"
      cat <<Y
spec:
  topicName: $name
  partitions: 3
  replicas: 3
  config:
    min.insync.replicas: 2
Y
    done
  done
} > "$out/topics.yaml"

acl() { # acl TOPIC OPERATIONS...
  local t="$1"; shift
  printf '      - resource:\n          type: topic\n          name: %s\n          patternType: literal\n        operations: [%s]\n' "$t" "$(IFS=,; echo "$*" | sed 's/,/, /g')"
}
{
  for s in "${services[@]}"; do
    strimzi_header KafkaUser "$s-service"
    cat <<Y
spec:
  authentication:
    type: scram-sha-512
  authorization:
    type: simple
    acls:
Y
    if [[ "$s" != gateway ]]; then
      acl "consilium.$s.events" Write Describe
      acl "consilium.$s.events.dlq" Write Describe
    fi
    acl consilium.audit Write Describe
    acl consilium.platform.events Write Describe
    for r in $(incoming "$s" 'topics?'); do acl "$r" Read Describe; done
    for d in $(incoming "$s" 'dead-letter-queue\.topic'); do acl "$d" Write Describe; done
    printf '      - resource:\n          type: group\n          name: %s-service\n          patternType: prefix\n        operations: [Read]\n' "$s"
  done
} > "$out/kafka-users.yaml"

{
  for s in "${services[@]}"; do
    cat <<Y
---
apiVersion: postgresql.cnpg.io/v1
kind: Database
metadata:
  name: consilium-$s
spec:
  cluster:
    name: consilium-db
  name: consilium_$s
  owner: $s
Y
  done
} > "$out/databases.yaml"

{
  for s in "${services[@]}"; do
    app="$s-service"; [[ $s == gateway ]] && app=gateway
    m=$((port[$s] + 1000))
    cat <<Y
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $app
  labels: {app.kubernetes.io/name: $app, app.kubernetes.io/part-of: consilium}
spec:
  replicas: 2
  selector:
    matchLabels: {app.kubernetes.io/name: $app}
  template:
    metadata:
      labels: {app.kubernetes.io/name: $app, app.kubernetes.io/part-of: consilium, consilium.io/kafka-client: "true"}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "$m"
        prometheus.io/path: /q/metrics
    spec:
      serviceAccountName: $app
      securityContext: {runAsNonRoot: true, runAsUser: 185, fsGroup: 185, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: $app
          image: consilium/$app:0.1.0-SNAPSHOT
          ports:
            - {name: http, containerPort: ${port[$s]}}
            - {name: management, containerPort: $m}
          envFrom:
            - configMapRef: {name: consilium-config}
          env:
            - {name: DB_HOST, value: consilium-db-rw}
            - {name: DB_PORT, value: "5432"}
            - name: QUARKUS_DATASOURCE_USERNAME
              valueFrom: {secretKeyRef: {name: consilium-db-$s, key: username}}
            - name: QUARKUS_DATASOURCE_PASSWORD
              valueFrom: {secretKeyRef: {name: consilium-db-$s, key: password}}
            - name: KAFKA_SASL_JAAS_CONFIG
              valueFrom: {secretKeyRef: {name: $s-service, key: sasl.jaas.config}}
          startupProbe:
            httpGet: {path: /q/health/started, port: management}
            periodSeconds: 5
            failureThreshold: 60
          livenessProbe:
            httpGet: {path: /q/health/live, port: management}
          readinessProbe:
            httpGet: {path: /q/health/ready, port: management}
          resources:
            requests: {cpu: 250m, memory: 384Mi}
            limits: {cpu: "1", memory: 768Mi}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            capabilities: {drop: [ALL]}
          volumeMounts:
            - {name: tmp, mountPath: /tmp}
      volumes:
        - name: tmp
          emptyDir: {}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: $app
---
apiVersion: v1
kind: Service
metadata:
  name: $app
spec:
  selector: {app.kubernetes.io/name: $app}
  ports:
    - {name: http, port: 80, targetPort: http}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: $app
spec:
  minAvailable: 1
  selector:
    matchLabels: {app.kubernetes.io/name: $app}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: $app
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: $app}
  minReplicas: 2
  maxReplicas: 3
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: $app
spec:
  podSelector:
    matchLabels: {app.kubernetes.io/name: $app}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {matchLabels: {app.kubernetes.io/part-of: consilium}}
Y
    [[ $s == gateway ]] && printf '        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}\n'
    cat <<Y
  egress:
    - to:
        - podSelector: {matchLabels: {cnpg.io/cluster: consilium-db}}
      ports: [{port: 5432}]
    - to:
        - podSelector: {matchLabels: {strimzi.io/cluster: consilium}}
      ports: [{port: 9093}]
    - to:
        - podSelector: {matchLabels: {app: keycloak}}
      ports: [{port: 8443}]
    - to:
        - podSelector: {matchLabels: {app.kubernetes.io/part-of: consilium}}
    - to:
        - namespaceSelector: {}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{port: 53, protocol: UDP}]
Y
  done
} > "$out/services.yaml"
echo "generated into $out"
