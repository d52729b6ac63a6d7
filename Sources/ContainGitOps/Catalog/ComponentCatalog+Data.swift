// The base component catalog, as data. Edit the YAML below to change what every cluster runs;
// the renderer reads it through `ComponentCatalog.standard` (strictly decoded: an unknown field
// is an error, caught by the catalog tests).
//
// Per component: the Helm repository and chart with a pinned version, the namespace, the layer
// (`infrastructure` installs first; `addons` after the `infrastructure-configs` layer, for charts
// that need a secret, a load-balancer pool or a storage class first), which providers / tiers /
// cluster facts select it, its dependencies, health checks, Helm values derived from the cluster
// (`${cluster.…}`, `${platform.…}`, `${settings.…}`), and the configuration objects (custom
// resources) applied once its CRDs exist. See docs/gitops.md for the template syntax.

extension ComponentCatalog {
    /// The catalog's source text (YAML).
    public static let standardYAML = #"""
components:

- name: flux
  description: Flux itself, managing its own upgrades after bootstrap (same chart and values as `helm install`).
  required: true
  namespace: flux-system
  createNamespace: false
  layer: infrastructure
  repository: {name: fluxcd-community, url: https://fluxcd-community.github.io/helm-charts}
  releases:
  - name: flux
    chart: flux2
    version: 2.16.0
    values:
      multitenancy:
        enabled: true
        defaultServiceAccount: default
        privileged: false
      policies:
        create: false
  healthChecks:
  - {apiVersion: apps/v1, kind: Deployment, namespace: flux-system, name: kustomize-controller}
  - {apiVersion: apps/v1, kind: Deployment, namespace: flux-system, name: helm-controller}

- name: cilium
  description: The CNI, with Hubble flow visibility (relay and UI).
  namespace: kube-system
  createNamespace: false
  layer: infrastructure
  repository: {name: cilium, url: https://helm.cilium.io}
  releases:
  - name: cilium
    chart: cilium
    version: 1.19.0
    values:
      cluster: {name: "${cluster.name}"}
      operator: {replicas: "${cluster.replicas}"}
      hubble:
        enabled: true
        relay: {enabled: true}
        ui: {enabled: true}
        metrics:
          enabled: [dns, drop, tcp, flow, port-distribution, icmp, httpV2]
      prometheus: {enabled: true}
      policyEnforcementMode: default
    valuesByProvider:
      talos:
        ipam: {mode: kubernetes}
        kubeProxyReplacement: true
        k8sServiceHost: localhost
        k8sServicePort: 7445
        securityContext:
          capabilities:
            ciliumAgent: [CHOWN, KILL, NET_ADMIN, NET_RAW, IPC_LOCK, SYS_ADMIN, SYS_RESOURCE, DAC_OVERRIDE, FOWNER, SETGID, SETUID]
            cleanCiliumState: [NET_ADMIN, SYS_ADMIN, SYS_RESOURCE]
        cgroup:
          autoMount: {enabled: false}
          hostRoot: /sys/fs/cgroup
      eks:
        eni: {enabled: true}
        ipam: {mode: eni}
        routingMode: native
        egressMasqueradeInterfaces: eth+
      aks:
        aksbyocni: {enabled: true}
  healthChecks:
  - {apiVersion: apps/v1, kind: DaemonSet, namespace: kube-system, name: cilium}
  - {apiVersion: apps/v1, kind: Deployment, namespace: kube-system, name: hubble-relay}

- name: cert-manager
  description: Certificates for ingress and webhooks, with a platform ClusterIssuer.
  namespace: cert-manager
  podSecurity: restricted
  layer: infrastructure
  dependsOn: [cilium]
  repository: {name: jetstack, url: https://charts.jetstack.io}
  releases:
  - name: cert-manager
    chart: cert-manager
    version: v1.20.2
    values:
      crds: {enabled: true, keep: true}
      replicaCount: "${cluster.replicas}"
      webhook: {replicaCount: "${cluster.replicas}"}
      cainjector: {replicaCount: "${cluster.replicas}"}
      podDisruptionBudget: {enabled: "${cluster.isProduction}"}
      prometheus: {enabled: true}
  healthChecks:
  - {apiVersion: apps/v1, kind: Deployment, namespace: cert-manager, name: cert-manager-webhook}
  configs:
  - apiVersion: cert-manager.io/v1
    kind: ClusterIssuer
    metadata: {name: letsencrypt}
    spec:
      acme:
        server: https://acme-v02.api.letsencrypt.org/directory
        email: "platform@${platform.domain}"
        privateKeySecretRef: {name: letsencrypt-account-key}
        solvers:
        - http01:
            ingress: {ingressClassName: external}
  - apiVersion: cert-manager.io/v1
    kind: ClusterIssuer
    metadata: {name: selfsigned}
    spec: {selfSigned: {}}

- name: external-secrets
  description: Secrets from the management plane's store (OpenBao/Vault); nothing secret is ever in Git.
  namespace: external-secrets
  podSecurity: restricted
  layer: infrastructure
  dependsOn: [cert-manager]
  repository: {name: external-secrets, url: https://charts.external-secrets.io}
  releases:
  - name: external-secrets
    chart: external-secrets
    version: 2.10.0
    values:
      installCRDs: true
      replicaCount: "${cluster.replicas}"
      webhook: {replicaCount: "${cluster.replicas}"}
      serviceMonitor: {enabled: false}
  healthChecks:
  - {apiVersion: apps/v1, kind: Deployment, namespace: external-secrets, name: external-secrets-webhook}
  configs:
  - apiVersion: external-secrets.io/v1
    kind: ClusterSecretStore
    metadata: {name: platform-secrets}
    spec:
      conditions:
      - namespaceSelector:
          matchLabels: {platform.contain.dev/platform-managed: "true"}
      provider:
        vault:
          server: "${platform.secretStore}"
          path: platform
          version: v2
          auth:
            kubernetes:
              mountPath: "kubernetes/${cluster.name}"
              role: external-secrets
              serviceAccountRef: {name: external-secrets, namespace: external-secrets}

- name: metrics-server
  description: Resource metrics for autoscaling and kubectl top.
  namespace: kube-system
  createNamespace: false
  layer: infrastructure
  dependsOn: [cilium]
  repository: {name: metrics-server, url: https://kubernetes-sigs.github.io/metrics-server/}
  releases:
  - name: metrics-server
    chart: metrics-server
    version: 3.13.1
    values:
      replicas: "${cluster.replicas}"
      podDisruptionBudget: {enabled: "${cluster.isProduction}", minAvailable: 1}

- name: metallb
  description: Load-balancer addresses on premises (L2 advertisement).
  providers: [talos, local]
  namespace: metallb-system
  podSecurity: privileged
  layer: infrastructure
  dependsOn: [cilium]
  settings:
    addresses: []
  repository: {name: metallb, url: https://metallb.github.io/metallb}
  releases:
  - name: metallb
    chart: metallb
    version: 0.15.3
    values:
      speaker: {frr: {enabled: false}}
  configs:
  - when: settings.addresses
    apiVersion: metallb.io/v1beta1
    kind: IPAddressPool
    metadata: {name: default, namespace: metallb-system}
    spec:
      addresses: "${settings.addresses}"
  - when: settings.addresses
    apiVersion: metallb.io/v1beta1
    kind: L2Advertisement
    metadata: {name: default, namespace: metallb-system}
    spec:
      ipAddressPools: [default]

- name: rook-ceph
  description: Replicated block, file and object storage on premises (ceph-block, ceph-filesystem, ceph-bucket).
  providers: [talos, local]
  namespace: rook-ceph
  podSecurity: privileged
  layer: infrastructure
  dependsOn: [cilium]
  repository: {name: rook-release, url: https://charts.rook.io/release}
  releases:
  - name: rook-ceph
    chart: rook-ceph
    version: v1.18.11
    values:
      crds: {enabled: true}
      monitoring: {enabled: false}
  - name: rook-ceph-cluster
    chart: rook-ceph-cluster
    version: v1.18.11
    dependsOn: [rook-ceph]
    values:
      operatorNamespace: rook-ceph
      toolbox: {enabled: false}
      cephClusterSpec:
        mon: {count: "${cluster.quorumReplicas}", allowMultiplePerNode: false}
        mgr: {count: "${cluster.replicas}"}
        placement:
          all:
            nodeAffinity: "${cluster.storage.nodeAffinity}"
            tolerations: "${cluster.storage.tolerations}"
      cephBlockPools:
      - name: ceph-blockpool
        spec:
          failureDomain: "${cluster.storage.failureDomain}"
          replicated: {size: "${cluster.storage.replicas}"}
        storageClass:
          enabled: true
          name: ceph-block
          isDefault: true
          reclaimPolicy: Delete
          allowVolumeExpansion: true
          volumeBindingMode: Immediate
      cephFileSystems:
      - name: ceph-filesystem
        spec:
          metadataPool:
            replicated: {size: "${cluster.storage.replicas}"}
          dataPools:
          - name: data0
            failureDomain: "${cluster.storage.failureDomain}"
            replicated: {size: "${cluster.storage.replicas}"}
          metadataServer: {activeCount: 1, activeStandby: true}
        storageClass:
          enabled: true
          name: ceph-filesystem
          pool: data0
          reclaimPolicy: Delete
          allowVolumeExpansion: true
      cephObjectStores:
      - name: ceph-objectstore
        spec:
          metadataPool:
            failureDomain: "${cluster.storage.failureDomain}"
            replicated: {size: "${cluster.storage.replicas}"}
          dataPool:
            failureDomain: "${cluster.storage.failureDomain}"
            replicated: {size: "${cluster.storage.replicas}"}
          gateway: {port: 80, instances: "${cluster.replicas}"}
        storageClass:
          enabled: true
          name: ceph-bucket
          reclaimPolicy: Delete
  healthChecks:
  - {apiVersion: apps/v1, kind: Deployment, namespace: rook-ceph, name: rook-ceph-operator}

- name: aws-ebs-csi-driver
  description: Block storage on EKS (storage class gp3).
  providers: [eks]
  namespace: kube-system
  createNamespace: false
  layer: infrastructure
  dependsOn: [cilium]
  repository: {name: aws-ebs-csi-driver, url: https://kubernetes-sigs.github.io/aws-ebs-csi-driver}
  releases:
  - name: aws-ebs-csi-driver
    chart: aws-ebs-csi-driver
    version: 2.59.0
    values:
      controller: {replicaCount: "${cluster.replicas}"}
      storageClasses:
      - name: gp3
        annotations: {storageclass.kubernetes.io/is-default-class: "true"}
        volumeBindingMode: WaitForFirstConsumer
        allowVolumeExpansion: true
        reclaimPolicy: Delete
        parameters: {type: gp3, encrypted: "true"}

- name: aws-efs-csi-driver
  description: Shared file storage on EKS (storage class efs).
  providers: [eks]
  namespace: kube-system
  createNamespace: false
  layer: infrastructure
  dependsOn: [cilium]
  settings:
    fileSystemId: ""
  repository: {name: aws-efs-csi-driver, url: https://kubernetes-sigs.github.io/aws-efs-csi-driver}
  releases:
  - name: aws-efs-csi-driver
    chart: aws-efs-csi-driver
    version: 3.2.1
    values:
      controller: {replicaCount: "${cluster.replicas}"}
  configs:
  - when: settings.fileSystemId
    apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata: {name: efs}
    provisioner: efs.csi.aws.com
    parameters:
      provisioningMode: efs-ap
      fileSystemId: "${settings.fileSystemId}"
      directoryPerms: "700"

- name: azure-storage-classes
  description: Zone-redundant disk and file storage classes on AKS (the CSI drivers are part of AKS).
  providers: [aks]
  layer: infrastructure
  configs:
  - apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata:
      name: managed-csi-zrs
      annotations: {storageclass.kubernetes.io/is-default-class: "true"}
    provisioner: disk.csi.azure.com
    parameters: {skuName: Premium_ZRS}
    reclaimPolicy: Delete
    volumeBindingMode: WaitForFirstConsumer
    allowVolumeExpansion: true
  - apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata: {name: azurefile-csi-zrs}
    provisioner: file.csi.azure.com
    parameters: {skuName: Premium_ZRS}
    reclaimPolicy: Delete
    volumeBindingMode: Immediate
    allowVolumeExpansion: true

- name: gvisor
  description: The gVisor RuntimeClass (runsc; on Talos the siderolabs/gvisor system extension provides the handler).
  providers: [talos, local]
  layer: infrastructure
  runtimeClasses: [gvisor]

- name: kata-containers
  description: Kata Containers (QEMU and Firecracker) installed by kata-deploy, with Contain's RuntimeClasses.
  providers: [talos, local]
  namespace: kata-system
  podSecurity: privileged
  layer: infrastructure
  dependsOn: [cilium]
  repository: {name: kata-containers, url: oci://ghcr.io/kata-containers/kata-deploy-charts, type: oci}
  releases:
  - name: kata-deploy
    chart: kata-deploy
    version: 3.21.0
    values:
      k8sDistribution: k8s
      env:
        shims: qemu fc
        defaultShim: qemu
        createRuntimeClasses: "false"
  runtimeClasses: [kata, kata-firecracker]

- name: nvidia-gpu-operator
  description: NVIDIA drivers, device plugin and MIG manager on clusters with GPU node pools.
  condition: gpuNodes
  namespace: gpu-operator
  podSecurity: privileged
  layer: infrastructure
  dependsOn: [cilium]
  repository: {name: nvidia, url: https://helm.ngc.nvidia.com/nvidia}
  releases:
  - name: gpu-operator
    chart: gpu-operator
    version: v25.10.1
    values:
      mig: {strategy: "${cluster.gpu.migStrategy}"}
      migManager: {enabled: "${cluster.gpu.mig}"}
      nfd: {enabled: true}

- name: ingress-nginx
  description: "One ingress controller per class: external-secured (source allowlist), external, internal."
  namespace: ingress-nginx
  podSecurity: baseline
  layer: addons
  dependsOn: [cert-manager]
  repository: {name: ingress-nginx, url: https://kubernetes.github.io/ingress-nginx}
  releases:
  - name: ingress-nginx-external-secured
    chart: ingress-nginx
    version: 4.14.1
    values:
      controller:
        replicaCount: "${cluster.replicas}"
        ingressClass: external-secured
        ingressClassResource: {name: external-secured, controllerValue: k8s.io/ingress-nginx-external-secured}
        ingressClassByName: true
        electionID: ingress-nginx-external-secured-leader
        allowSnippetAnnotations: false
        config:
          whitelist-source-range: "${cluster.securedIngressAllowlistText}"
        service:
          externalTrafficPolicy: Local
        metrics: {enabled: true}
  - name: ingress-nginx-external
    chart: ingress-nginx
    version: 4.14.1
    values:
      controller:
        replicaCount: "${cluster.replicas}"
        ingressClass: external
        ingressClassResource: {name: external, controllerValue: k8s.io/ingress-nginx-external}
        ingressClassByName: true
        electionID: ingress-nginx-external-leader
        allowSnippetAnnotations: false
        service:
          externalTrafficPolicy: Local
        metrics: {enabled: true}
  - name: ingress-nginx-internal
    chart: ingress-nginx
    version: 4.14.1
    values:
      controller:
        replicaCount: "${cluster.replicas}"
        ingressClass: internal
        ingressClassResource: {name: internal, controllerValue: k8s.io/ingress-nginx-internal}
        ingressClassByName: true
        electionID: ingress-nginx-internal-leader
        allowSnippetAnnotations: false
        metrics: {enabled: true}
    valuesByProvider:
      eks:
        controller:
          service:
            annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}
      aks:
        controller:
          service:
            annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}

- name: external-dns
  description: DNS records for ingress hostnames under the cluster's ingress domain.
  namespace: external-dns
  podSecurity: restricted
  layer: addons
  dependsOn: [external-secrets]
  repository: {name: external-dns, url: https://kubernetes-sigs.github.io/external-dns/}
  releases:
  - name: external-dns
    chart: external-dns
    version: 1.19.0
    values:
      domainFilters: ["${cluster.ingressDomain}"]
      txtOwnerId: "${cluster.name}"
      policy: sync
      sources: [ingress, service]
    valuesByProvider:
      talos:
        provider: {name: rfc2136}
        env:
        - name: EXTERNAL_DNS_RFC2136_TSIG_SECRET
          valueFrom: {secretKeyRef: {name: external-dns-tsig, key: secret}}
        extraArgs:
        - "--rfc2136-host=dns.${platform.domain}"
        - --rfc2136-port=53
        - "--rfc2136-zone=${cluster.ingressDomain}"
        - --rfc2136-tsig-keyname=external-dns
        - --rfc2136-tsig-secret-alg=hmac-sha256
        - --rfc2136-tsig-axfr
      local:
        provider: {name: rfc2136}
      eks:
        provider: {name: aws}
        serviceAccount:
          annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::${settings.awsAccountId}:role/${cluster.name}-external-dns"}
      aks:
        provider: {name: azure}
  settings:
    awsAccountId: "000000000000"
  configs:
  - providers: [talos]
    apiVersion: external-secrets.io/v1
    kind: ExternalSecret
    metadata: {name: external-dns-tsig, namespace: external-dns}
    spec:
      refreshInterval: 1h
      secretStoreRef: {kind: ClusterSecretStore, name: platform-secrets}
      target: {name: external-dns-tsig}
      data:
      - secretKey: secret
        remoteRef: {key: "clusters/${cluster.name}/external-dns", property: tsig-secret}

- name: velero
  description: Scheduled backups of every namespace to the management plane's S3 bucket.
  namespace: velero
  podSecurity: privileged
  layer: addons
  dependsOn: [external-secrets]
  settings:
    schedules:
      daily: {schedule: "0 2 * * *", ttl: 720h}
  repository: {name: vmware-tanzu, url: https://vmware-tanzu.github.io/helm-charts}
  releases:
  - name: velero
    chart: velero
    version: 12.0.1
    values:
      initContainers:
      - name: velero-plugin-for-aws
        image: velero/velero-plugin-for-aws:v1.13.0
        volumeMounts:
        - {mountPath: /target, name: plugins}
      credentials: {useSecret: true, existingSecret: velero-credentials}
      snapshotsEnabled: false
      deployNodeAgent: true
      configuration:
        defaultVolumesToFsBackup: true
        backupStorageLocation:
        - name: default
          provider: aws
          bucket: "${platform.backup.bucket}"
          prefix: "${cluster.name}"
          default: true
          config:
            region: "${platform.backup.region}"
            s3Url: "${platform.backup.endpoint}"
            s3ForcePathStyle: "true"
      schedules:
        $forEach: settings.schedules
        $key: "${item.key}"
        $value:
          disabled: false
          schedule: "${item.value.schedule}"
          useOwnerReferencesInBackup: false
          template:
            ttl: "${item.value.ttl}"
            includedNamespaces: ["*"]
            storageLocation: default
  configs:
  - apiVersion: external-secrets.io/v1
    kind: ExternalSecret
    metadata: {name: velero-credentials, namespace: velero}
    spec:
      refreshInterval: 1h
      secretStoreRef: {kind: ClusterSecretStore, name: platform-secrets}
      target:
        name: velero-credentials
        template:
          data:
            cloud: "[default]\naws_access_key_id={{ .accessKeyId }}\naws_secret_access_key={{ .secretAccessKey }}\n"
      data:
      - secretKey: accessKeyId
        remoteRef: {key: "clusters/${cluster.name}/velero", property: access-key-id}
      - secretKey: secretAccessKey
        remoteRef: {key: "clusters/${cluster.name}/velero", property: secret-access-key}

- name: kube-prometheus-stack
  description: Prometheus, Alertmanager, Grafana and the cluster's alerting rules.
  namespace: monitoring
  podSecurity: privileged
  layer: addons
  dependsOn: [cilium]
  repository: {name: prometheus-community, url: https://prometheus-community.github.io/helm-charts}
  releases:
  - name: kube-prometheus-stack
    chart: kube-prometheus-stack
    version: 79.5.0
    values:
      crds: {enabled: true}
      prometheus:
        prometheusSpec:
          replicas: "${cluster.replicas}"
          retention: 15d
          externalLabels: {cluster: "${cluster.name}", environment: "${cluster.environment}"}
          serviceMonitorSelectorNilUsesHelmValues: false
          podMonitorSelectorNilUsesHelmValues: false
      alertmanager:
        alertmanagerSpec: {replicas: "${cluster.replicas}"}
      grafana:
        admin: {existingSecret: grafana-admin}
  configs:
  - apiVersion: external-secrets.io/v1
    kind: ExternalSecret
    metadata: {name: grafana-admin, namespace: monitoring}
    spec:
      refreshInterval: 1h
      secretStoreRef: {kind: ClusterSecretStore, name: platform-secrets}
      target: {name: grafana-admin}
      data:
      - secretKey: admin-user
        remoteRef: {key: "clusters/${cluster.name}/grafana", property: admin-user}
      - secretKey: admin-password
        remoteRef: {key: "clusters/${cluster.name}/grafana", property: admin-password}

- name: loki
  description: Log storage, queried from Grafana.
  namespace: loki
  podSecurity: baseline
  layer: addons
  dependsOn: [kube-prometheus-stack]
  repository: {name: grafana, url: https://grafana.github.io/helm-charts}
  releases:
  - name: loki
    chart: loki
    version: 6.54.0
    values:
      deploymentMode: SingleBinary
      loki:
        auth_enabled: true
        commonConfig: {replication_factor: "${cluster.quorumReplicas}"}
        storage: {type: filesystem}
        schemaConfig:
          configs:
          - from: "2024-04-01"
            store: tsdb
            object_store: filesystem
            schema: v13
            index: {prefix: loki_index_, period: 24h}
      singleBinary:
        replicas: "${cluster.quorumReplicas}"
        persistence: {enabled: true, size: 50Gi, storageClass: "${cluster.storage.defaultClass}"}
      read: {replicas: 0}
      write: {replicas: 0}
      backend: {replicas: 0}

- name: opentelemetry-collector
  description: The application observability add-on (OTLP in; metrics to Prometheus, logs to Loki).
  namespace: opentelemetry
  podSecurity: baseline
  layer: addons
  dependsOn: [loki]
  repository: {name: open-telemetry, url: https://open-telemetry.github.io/opentelemetry-helm-charts}
  releases:
  - name: opentelemetry-collector
    chart: opentelemetry-collector
    version: 0.131.0
    values:
      mode: deployment
      replicaCount: "${cluster.replicas}"
      image: {repository: otel/opentelemetry-collector-k8s}
      presets:
        kubernetesAttributes: {enabled: true}
      config:
        exporters:
          otlphttp/loki:
            endpoint: http://loki-gateway.loki.svc/otlp
          prometheusremotewrite:
            endpoint: http://kube-prometheus-stack-prometheus.monitoring.svc:9090/api/v1/write
        service:
          pipelines:
            logs: {exporters: [otlphttp/loki]}
            metrics: {exporters: [prometheusremotewrite]}

- name: opencost
  description: Cost allocation per namespace and tenant, from Prometheus metrics.
  namespace: opencost
  podSecurity: restricted
  layer: addons
  dependsOn: [kube-prometheus-stack]
  repository: {name: opencost, url: https://opencost.github.io/opencost-helm-chart}
  releases:
  - name: opencost
    chart: opencost
    version: 2.5.1
    values:
      opencost:
        exporter: {defaultClusterId: "${cluster.name}"}
        prometheus:
          internal:
            serviceName: kube-prometheus-stack-prometheus
            namespaceName: monitoring
            port: 9090
        ui: {enabled: true}

- name: vcluster
  description: Virtual control planes for virtualCluster tenants, one release in each tenant's host namespace.
  condition: virtualClusterTenants
  layer: addons
  scope: tenant
  repository: {name: loft, url: https://charts.loft.sh}
  releases:
  - name: vcluster
    chart: vcluster
    version: 0.28.0
    values:
      controlPlane:
        statefulSet:
          highAvailability: {replicas: "${cluster.replicas}"}
          security:
            podSecurityContext: {runAsNonRoot: true, runAsUser: 12345, seccompProfile: {type: RuntimeDefault}}
            containerSecurityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        distro:
          k8s: {enabled: true}
      sync:
        toHost:
          ingresses: {enabled: true}
      policies:
        resourceQuota: {enabled: false}
        limitRange: {enabled: false}

- name: contain
  description: Contain's operator (Tenant → namespaces and defaults) and admission webhook, from the same objects as deploy/.
  required: true
  namespace: contain-system
  layer: infrastructure
  dependsOn: [cert-manager]
  bundle: contain
"""#
}
