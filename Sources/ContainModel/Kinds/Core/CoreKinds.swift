extension KindRegistry {
    /// The Kubernetes kinds tenancy produces or admission checks.
    public static let coreKinds: [any KubeObject.Type] = []
}
