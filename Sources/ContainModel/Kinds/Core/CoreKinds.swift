extension KindRegistry {
    /// The Kubernetes kinds tenancy produces or admission checks.
    public static let coreKinds: [any KubeObject.Type] = [
        // core/v1
        Namespace.self, ServiceAccount.self, ResourceQuota.self, LimitRange.self, Pod.self, Service.self,
        PersistentVolumeClaim.self, ConfigMap.self, Secret.self,
        // networking.k8s.io/v1
        NetworkPolicy.self, Ingress.self,
        // rbac.authorization.k8s.io/v1
        Role.self, ClusterRole.self, RoleBinding.self, ClusterRoleBinding.self,
        // node.k8s.io/v1
        RuntimeClass.self,
        // apps/v1
        Deployment.self, StatefulSet.self, DaemonSet.self, ReplicaSet.self,
        // batch/v1
        Job.self, CronJob.self,
    ]

    /// The kinds that carry a pod spec, which Pod Security and guardrails evaluate.
    public static let podTemplateCarriers: [any PodTemplateCarrier.Type] = [
        Pod.self, Deployment.self, StatefulSet.self, DaemonSet.self, ReplicaSet.self, Job.self, CronJob.self,
    ]
}
