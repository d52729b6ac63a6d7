/// The status vocabulary of the tenant controller, in one place (Flux style).
public enum TenantConditions {
    public static let ready = "Ready"
    public static let reconciling = "Reconciling"
    public static let stalled = "Stalled"

    /// The finalizer that makes the operator delete a tenant's namespaces before the Tenant goes.
    public static let finalizer = "platform.contain.dev/tenant-cleanup"

    /// Reasons.
    public enum Reason {
        /// Every planned object exists as planned.
        public static let provisioned = "Provisioned"
        /// Objects are being created or corrected.
        public static let progressing = "Progressing"
        /// The tenant has nothing on the cluster the operator serves.
        public static let notPlaced = "NotPlaced"
        /// A namespace the tenant wants belongs to someone else.
        public static let namespaceConflict = "NamespaceConflict"
        /// The tenant names a Cluster that does not exist.
        public static let clusterNotFound = "ClusterNotFound"
        /// The API server refused an object (the message says which and why).
        public static let applyFailed = "ApplyFailed"
        /// The Tenant is being deleted; its namespaces are going.
        public static let deleting = "Deleting"
    }

    /// Namespace phases in `status.namespaceStates`.
    public enum Phase {
        public static let ready = "Ready"
        public static let provisioning = "Provisioning"
        public static let terminating = "Terminating"
        public static let conflict = "Conflict"
    }
}
