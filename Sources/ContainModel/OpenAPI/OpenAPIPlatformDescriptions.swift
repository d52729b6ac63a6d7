// Descriptions for `kubectl explain`, copied from the doc comments of Contain's own kinds
// (Kinds/Platform); the few members without a doc comment are described from their type's
// doc comment. Keep them in step when a doc comment changes.

extension Tenant: OpenAPIDocumented {
    public static var typeDescription: String {
        "A team or customer of the platform: who owns it, where it runs, what it may use, and how strongly it is isolated. Cluster-scoped. Contain turns each tenant into secure-by-default namespaces on every cluster it is placed on."
    }
}

extension TenantSpec: OpenAPIDocumented {
    public static var typeDescription: String {
        "The desired state of a tenant."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "displayName": "A human-readable name for consoles and reports.",
            "owners": "Who administers the tenant; at least one. Owners get the `admin` role unless they say otherwise.",
            "members": "Further users and groups, with `edit` (the default) or `view`.",
            "clusters": "The clusters the tenant is placed on, by name.",
            "namespaces": "The tenant's namespaces; names are unique across all tenants on a cluster.",
            "quota": "Tenant-wide limits, per cluster.",
            "gpu": "Accelerators the tenant may use.",
            "registries": "Image registries (host, optionally with a path prefix) the tenant may pull from; empty means the platform's default registry only.",
            "requireImageDigest": "Whether images must be referenced by digest (`@sha256:…`).",
            "storageClasses": "Storage classes the tenant's volume claims may use.",
            "isolation": "How strongly a tenant is separated from the others.",
            "network": "Network exposure and reachability of a tenant.",
            "guardrails": "How admission guardrails treat the tenant (rule modes, default requests and limits).",
        ]
    }
}

extension TenantSubject: OpenAPIDocumented {
    public static var typeDescription: String {
        "A user or identity-provider group with a role in the tenant."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "name": "The user name or group claim value as the identity provider issues it.",
            "role": "The Kubernetes role bound in the tenant's namespaces: `admin`, `edit` or `view`.",
        ]
    }
}

extension TenantSubject.Kind: OpenAPIDocumented {
    public static var typeDescription: String {
        "Whether `name` is a user or a group, as the identity provider's tokens carry them."
    }
}

extension TenantRole: OpenAPIDocumented {
    public static var typeDescription: String {
        "The built-in Kubernetes roles a tenant subject can hold."
    }
}

extension TenantNamespace: OpenAPIDocumented {
    public static var typeDescription: String {
        "One namespace of a tenant."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "name": "The namespace name; a DNS-1123 label.",
            "clusters": "The clusters it exists on; defaults to all of the tenant's clusters.",
            "labels": "Extra labels for the namespace (Contain's own labels always win).",
            "annotations": "Extra annotations for the namespace.",
        ]
    }
}

extension TenantQuota: OpenAPIDocumented {
    public static var typeDescription: String {
        "Tenant-wide limits on one cluster, summed over all of the tenant's namespaces there."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "cpu": "CPU requests.",
            "memory": "Memory requests.",
            "limitsCPU": "CPU limits; defaults to `cpu`.",
            "limitsMemory": "Memory limits; defaults to `memory`.",
            "storage": "Persistent volume storage requested.",
            "loadBalancers": "Services of type LoadBalancer; 0 unless set.",
            "nodePorts": "Services of type NodePort; 0 unless set.",
            "gpus": "Whole GPUs (`nvidia.com/gpu`).",
            "migDevices": "MIG slices by profile (`1g.10gb: 4` allows four `nvidia.com/mig-1g.10gb`).",
            "namespaces": "How many namespaces the tenant may have on a cluster, including ones its owners create.",
            "pods": "Pods, in any phase but Succeeded and Failed.",
            "services": "Services of any type.",
        ]
    }
}

extension TenantIsolation: OpenAPIDocumented {
    public static var typeDescription: String {
        "How strongly a tenant is separated from the others."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "tier": "Defaults to `namespace`.",
            "runtime": "The container runtime its pods must use; defaults to `runc`.",
            "podSecurity": "The Pod Security Standard enforced in its namespaces; defaults to `restricted`.",
            "nodePool": "For `dedicatedNodes`: the node pool reserved for the tenant (present on each of its clusters).",
        ]
    }
}

extension IsolationTier: OpenAPIDocumented {
    public static var typeDescription: String {
        "Isolation tiers, from shared to dedicated."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "namespace": "Namespaces on shared nodes, fenced by policy.",
            "virtualCluster": "A virtual control plane (vcluster) inside a host namespace.",
            "dedicatedNodes": "Namespaces whose pods run only on nodes reserved for the tenant.",
            "dedicatedCluster": "Clusters of its own; nothing of the tenant lands on shared clusters.",
        ]
    }
}

extension SandboxRuntime: OpenAPIDocumented {
    public static var typeDescription: String {
        "Container runtimes, from shared kernel to hardware virtualisation."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "runc": "The default runtime; the host kernel is shared.",
            "gvisor": "gVisor's user-space kernel (RuntimeClass handler `runsc`).",
            "kata": "Kata Containers with QEMU (handler `kata-qemu`).",
            "kata-firecracker": "Kata Containers with Firecracker microVMs (handler `kata-fc`).",
        ]
    }
}

extension PodSecurityLevel: OpenAPIDocumented {
    public static var typeDescription: String {
        "Pod Security Standard levels."
    }
}

extension TenantGPU: OpenAPIDocumented {
    public static var typeDescription: String {
        "Accelerators a tenant may use."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "profiles": "MIG profiles the tenant may request (`1g.10gb`); each must be offered on every cluster the tenant is placed on.",
        ]
    }
}

extension TenantNetwork: OpenAPIDocumented {
    public static var typeDescription: String {
        "Network exposure and reachability of a tenant."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "allowFrom": "Other tenants whose pods may connect to this tenant's pods.",
            "allowInternetEgress": "Whether pods may reach the internet (never the cluster's or private ranges).",
            "ingress": "How a tenant exposes services.",
            "serviceTypes": "Service types besides ClusterIP the tenant may create (`LoadBalancer`, `NodePort`, `ExternalName`); when unset, LoadBalancer and NodePort as far as the quota grants them.",
        ]
    }
}

extension TenantIngress: OpenAPIDocumented {
    public static var typeDescription: String {
        "How a tenant exposes services."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "classes": "Ingress classes it may use (`external-secured`, `external`, `internal`).",
            "hostnames": "Hostnames (or `*.` wildcards) it may claim; no two tenants may claim the same one.",
        ]
    }
}

extension TenantStatus: OpenAPIDocumented {
    public static var typeDescription: String {
        "What the platform observed of a tenant."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "namespaces": "Namespaces provisioned, as `cluster/namespace`.",
            "observedGeneration": "The `metadata.generation` the conditions describe.",
            "conditions": "The tenant's conditions (`Ready`, `Reconciling`, `Stalled`).",
        ]
    }
}

extension Cluster: OpenAPIDocumented {
    public static var typeDescription: String {
        "A workload cluster of the platform: where it runs, how big it is, and which base components it carries. Cluster-scoped."
    }
}

extension ClusterSpec: OpenAPIDocumented {
    public static var typeDescription: String {
        "The desired shape of a cluster."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "environment": "Which stage of delivery the cluster serves.",
            "tier": "The size class, which sets the availability rules the cluster must meet.",
            "provider": "Where the nodes come from.",
            "region": "The provider's region or site, when it has one.",
            "kubernetesVersion": "Kubernetes minor (`\"1.33\"`) or patch (`\"1.33.4\"`) version; must lie in the platform's supported window.",
            "zones": "Failure zones the cluster spans: 1 for `devTest`, 3 for `production`.",
            "nodePools": "Worker, storage and GPU node pools.",
            "storage": "Replicated storage; required in production.",
            "components": "Base components and add-ons to install, by catalogue name, with overrides.",
            "maintenanceWindow": "When disruptive maintenance (upgrades, node rotation) may happen.",
            "controlPlane": "The control-plane nodes.",
            "network": "Cluster networking.",
        ]
    }
}

extension ClusterEnvironment: OpenAPIDocumented {
    public static var typeDescription: String {
        "The delivery stage a cluster serves."
    }
}

extension ClusterTier: OpenAPIDocumented {
    public static var typeDescription: String {
        "A cluster's size class."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "devTest": "One zone, one control-plane node, at least three workers.",
            "production": "Three zones, three control-plane nodes, dedicated storage nodes.",
        ]
    }
}

extension ClusterProvider: OpenAPIDocumented {
    public static var typeDescription: String {
        "Where a cluster's machines come from."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "talos": "Talos Linux on premises or bare metal.",
            "eks": "Amazon EKS.",
            "aks": "Azure AKS.",
            "local": "A local cluster for development (kind, k3d).",
        ]
    }
}

extension ControlPlane: OpenAPIDocumented {
    public static var typeDescription: String {
        "The control-plane nodes."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "count": "Number of control-plane nodes: 1 for `devTest`, 3 for `production`.",
            "vcpu": "vCPUs per node.",
            "memory": "Memory per node.",
        ]
    }
}

extension NodePoolRole: OpenAPIDocumented {
    public static var typeDescription: String {
        "What a node pool is for."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "worker": "General workloads.",
            "storage": "Dedicated storage nodes (Rook-Ceph OSDs); tainted so workloads stay off.",
        ]
    }
}

extension NodePool: OpenAPIDocumented {
    public static var typeDescription: String {
        "A group of identical nodes spread over zones."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "name": "Unique within the cluster; a DNS-1123 label.",
            "role": "What the pool is for; defaults to `worker`.",
            "count": "Number of nodes across all of the pool's zones.",
            "vcpu": "vCPUs per node.",
            "memory": "Memory per node.",
            "maxPods": "Pods per node; at most 110. Defaults to 110.",
            "zones": "The zones the pool spans; defaults to all of the cluster's zones.",
            "gpu": "Accelerators on each node.",
            "labels": "Labels given to each node.",
            "taints": "Taints given to each node (dedicated and GPU pools keep other workloads off with these).",
        ]
    }
}

extension GPUConfiguration: OpenAPIDocumented {
    public static var typeDescription: String {
        "GPUs on each node of a pool, and how they are partitioned."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "model": "The accelerator model (`nvidia-a100-80gb`, `nvidia-h100-80gb`).",
            "count": "Physical GPUs per node.",
            "mig": "Multi-Instance GPU partitioning, when the model supports it.",
        ]
    }
}

extension MIGConfiguration: OpenAPIDocumented {
    public static var typeDescription: String {
        "How GPUs are sliced with NVIDIA Multi-Instance GPU."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "profiles": "The profiles offered (`1g.10gb`, `3g.40gb`), as NVIDIA names them.",
        ]
    }
}

extension MIGConfiguration.Strategy: OpenAPIDocumented {
    public static var typeDescription: String {
        "How the device plugin advertises slices."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "single": "Every GPU of a node is cut into one profile; slices appear as `nvidia.com/gpu`.",
            "mixed": "Profiles may be mixed; each appears as `nvidia.com/mig-<profile>`.",
        ]
    }
}

extension ClusterStorage: OpenAPIDocumented {
    public static var typeDescription: String {
        "Replicated block, file and object storage (Rook-Ceph on premises, the cloud CSI otherwise)."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "replicas": "Copies of each piece of data; 3 in production, one per zone.",
            "failureDomain": "What the copies are spread over.",
            "nodePool": "The node pool holding the storage daemons; required in production.",
            "classes": "Storage classes offered to tenants; defaults to the provider's set.",
        ]
    }
}

extension ClusterStorage.FailureDomain: OpenAPIDocumented {
    public static var typeDescription: String {
        "What replicas are spread over."
    }
}

extension ClusterNetwork: OpenAPIDocumented {
    public static var typeDescription: String {
        "Cluster networking."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "podCIDR": "Pod address range (CIDR).",
            "serviceCIDR": "Service address range (CIDR).",
            "clusterDomain": "The in-cluster DNS domain; defaults to `cluster.local`.",
            "ingressDomain": "The DNS zone ingress hostnames of this cluster live under (`prod.example.com`).",
            "securedIngressAllowlist": "Source ranges allowed through the `external-secured` ingress class.",
        ]
    }
}

extension ComponentSelection: OpenAPIDocumented {
    public static var typeDescription: String {
        "A base component or add-on chosen for a cluster, by its catalogue name."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "name": "Catalogue name (`cert-manager`, `cilium`, `velero`, `kube-prometheus-stack`, …).",
            "enabled": "Whether to install it; defaults to true. Lets a cluster switch off a default component.",
            "version": "A chart version overriding the catalogue's pin.",
            "values": "Helm values merged over the catalogue's.",
        ]
    }
}

extension MaintenanceWindow: OpenAPIDocumented {
    public static var typeDescription: String {
        "A weekly window for disruptive maintenance."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "days": "Days of the week (`Monday` … `Sunday`).",
            "start": "Start time, `HH:MM` in `timeZone`.",
            "duration": "Length of the window, as a Go duration (`4h`, `90m`).",
            "timeZone": "IANA time zone; defaults to `UTC`.",
        ]
    }
}

extension Weekday: OpenAPIDocumented {
    public static var typeDescription: String {
        "A day of the week."
    }
}

extension ClusterStatus: OpenAPIDocumented {
    public static var typeDescription: String {
        "What the platform observed of a cluster."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "kubernetesVersion": "The version the control plane reports.",
            "readyNodes": "Nodes that are Ready.",
            "observedGeneration": "The `metadata.generation` the conditions describe.",
            "conditions": "The cluster's conditions (`Ready`, `Reconciling`, `Stalled`).",
        ]
    }
}

extension Platform: OpenAPIDocumented {
    public static var typeDescription: String {
        "Platform-wide settings: the supported Kubernetes window, the management plane's services and the defaults tenants inherit. Cluster-scoped; a platform has at most one, conventionally named `platform`. Without one, built-in defaults apply."
    }
}

extension PlatformSpec: OpenAPIDocumented {
    public static var typeDescription: String {
        "Platform-wide settings."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "domain": "The DNS domain the platform's hostnames live under.",
            "kubernetes": "Which Kubernetes versions clusters may run.",
            "managementPlane": "The shared services of the management plane.",
        ]
    }
}

extension KubernetesSupportWindow: OpenAPIDocumented {
    public static var typeDescription: String {
        "The supported Kubernetes minors: the newest one and the ones before it (N-2 by default)."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "newest": "The newest supported minor, as `\"1.34\"`.",
            "supportedMinors": "How many minors are supported, counting the newest; defaults to 3 (N, N-1, N-2).",
        ]
    }
}

extension ManagementPlane: OpenAPIDocumented {
    public static var typeDescription: String {
        "Endpoints of the management plane's shared services."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "identityProvider": "The OpenID Connect issuer of the identity provider (Keycloak, Entra ID).",
            "registry": "The container registry host (`registry.example.com`).",
            "git": "The Git server base URL GitOps repositories live under.",
            "secretStore": "The secret store (OpenBao or Vault) URL.",
            "backup": "The S3-compatible endpoint and bucket for backups.",
        ]
    }
}

extension IdentityProvider: OpenAPIDocumented {
    public static var typeDescription: String {
        "An OpenID Connect identity provider."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "groupsClaim": "The token claim holding group names; defaults to `groups`.",
            "issuerURL": "The OpenID Connect issuer URL.",
        ]
    }
}

extension BackupStorage: OpenAPIDocumented {
    public static var typeDescription: String {
        "S3-compatible backup storage."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "endpoint": "The S3-compatible endpoint URL.",
            "bucket": "The bucket backups are written to.",
            "region": "The bucket's region, when the endpoint needs one.",
        ]
    }
}

extension ObjectStatus: OpenAPIDocumented {
    public static var typeDescription: String {
        "The status every Contain kind reports, in the shape Flux and controller-runtime users know: the generation last acted on and a fixed vocabulary of conditions (`Ready`, `Reconciling`, `Stalled`)."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "observedGeneration": "The `metadata.generation` the conditions describe.",
            "conditions": "The object's conditions (`Ready`, `Reconciling`, `Stalled`).",
        ]
    }
}
