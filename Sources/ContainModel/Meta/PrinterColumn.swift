/// A column `kubectl get` prints for one of Contain's kinds: the single definition behind both
/// the API server's Table responses and the CRDs' `additionalPrinterColumns`.
public struct PrinterColumn: Sendable, Hashable {
    /// The column header.
    public var name: String
    /// The field under `spec` the cell shows.
    public var specPath: [String]
    /// Shown when the field is unset: the default the API applies.
    public var defaultValue: String
    public var description: String
    public var priority: Int

    public init(name: String, specPath: [String], defaultValue: String = "", description: String = "", priority: Int = 0) {
        self.name = name
        self.specPath = specPath
        self.defaultValue = defaultValue
        self.description = description
        self.priority = priority
    }

    /// The JSONPath a CRD's `additionalPrinterColumns` uses (`.spec.isolation.tier`).
    public var jsonPath: String { ".spec." + specPath.joined(separator: ".") }

    /// The columns of a kind between `Name` and `Age`; empty for kinds without their own.
    public static func columns(group: String, kind: String) -> [PrinterColumn] {
        guard group == PlatformGroup.name else { return [] }
        switch kind {
        case "Tenant":
            return [
                PrinterColumn(name: "Tier", specPath: ["isolation", "tier"], defaultValue: IsolationTier.namespace.rawValue,
                              description: "Isolation tier."),
                PrinterColumn(name: "Runtime", specPath: ["isolation", "runtime"], defaultValue: SandboxRuntime.runc.rawValue,
                              description: "Sandbox runtime."),
                PrinterColumn(name: "Clusters", specPath: ["clusters"], description: "Clusters the tenant is placed on."),
                PrinterColumn(name: "Namespaces", specPath: ["namespaces"], description: "The tenant's namespaces."),
            ]
        case "Cluster":
            return [
                PrinterColumn(name: "Environment", specPath: ["environment"]), PrinterColumn(name: "Tier", specPath: ["tier"]),
                PrinterColumn(name: "Provider", specPath: ["provider"]), PrinterColumn(name: "Version", specPath: ["kubernetesVersion"]),
                PrinterColumn(name: "Zones", specPath: ["zones"]),
            ]
        default:
            return []
        }
    }
}
