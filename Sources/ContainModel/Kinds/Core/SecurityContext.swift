/// `core/v1.SecurityContext`: security settings of one container, overriding the pod's.
public struct SecurityContext: Codable, Sendable, Hashable {
    public var capabilities: Capabilities?
    /// Run as privileged: essentially root on the host.
    public var privileged: Bool?
    public var seLinuxOptions: SELinuxOptions?
    public var windowsOptions: WindowsSecurityContextOptions?
    public var runAsUser: Int64?
    public var runAsGroup: Int64?
    /// Require the container to run as a user other than UID 0.
    public var runAsNonRoot: Bool?
    public var readOnlyRootFilesystem: Bool?
    /// Whether a process can gain more privileges than its parent (`no_new_privs`).
    public var allowPrivilegeEscalation: Bool?
    public var procMount: ProcMountType?
    public var seccompProfile: SeccompProfile?
    public var appArmorProfile: AppArmorProfile?

    public init(
        capabilities: Capabilities? = nil, privileged: Bool? = nil, seLinuxOptions: SELinuxOptions? = nil,
        windowsOptions: WindowsSecurityContextOptions? = nil, runAsUser: Int64? = nil, runAsGroup: Int64? = nil,
        runAsNonRoot: Bool? = nil, readOnlyRootFilesystem: Bool? = nil, allowPrivilegeEscalation: Bool? = nil,
        procMount: ProcMountType? = nil, seccompProfile: SeccompProfile? = nil, appArmorProfile: AppArmorProfile? = nil
    ) {
        self.capabilities = capabilities
        self.privileged = privileged
        self.seLinuxOptions = seLinuxOptions
        self.windowsOptions = windowsOptions
        self.runAsUser = runAsUser
        self.runAsGroup = runAsGroup
        self.runAsNonRoot = runAsNonRoot
        self.readOnlyRootFilesystem = readOnlyRootFilesystem
        self.allowPrivilegeEscalation = allowPrivilegeEscalation
        self.procMount = procMount
        self.seccompProfile = seccompProfile
        self.appArmorProfile = appArmorProfile
    }
}

/// `core/v1.PodSecurityContext`: pod-wide security settings and container defaults.
public struct PodSecurityContext: Codable, Sendable, Hashable {
    public var seLinuxOptions: SELinuxOptions?
    public var windowsOptions: WindowsSecurityContextOptions?
    public var runAsUser: Int64?
    public var runAsGroup: Int64?
    public var runAsNonRoot: Bool?
    /// Groups added to the first process of every container.
    public var supplementalGroups: [Int64]?
    public var supplementalGroupsPolicy: SupplementalGroupsPolicy?
    /// A group that owns supported volumes and is added to every container.
    public var fsGroup: Int64?
    public var sysctls: [Sysctl]?
    public var fsGroupChangePolicy: PodFSGroupChangePolicy?
    public var seccompProfile: SeccompProfile?
    public var appArmorProfile: AppArmorProfile?
    public var seLinuxChangePolicy: PodSELinuxChangePolicy?

    public init(
        seLinuxOptions: SELinuxOptions? = nil, windowsOptions: WindowsSecurityContextOptions? = nil,
        runAsUser: Int64? = nil, runAsGroup: Int64? = nil, runAsNonRoot: Bool? = nil,
        supplementalGroups: [Int64]? = nil, supplementalGroupsPolicy: SupplementalGroupsPolicy? = nil,
        fsGroup: Int64? = nil, sysctls: [Sysctl]? = nil, fsGroupChangePolicy: PodFSGroupChangePolicy? = nil,
        seccompProfile: SeccompProfile? = nil, appArmorProfile: AppArmorProfile? = nil,
        seLinuxChangePolicy: PodSELinuxChangePolicy? = nil
    ) {
        self.seLinuxOptions = seLinuxOptions
        self.windowsOptions = windowsOptions
        self.runAsUser = runAsUser
        self.runAsGroup = runAsGroup
        self.runAsNonRoot = runAsNonRoot
        self.supplementalGroups = supplementalGroups
        self.supplementalGroupsPolicy = supplementalGroupsPolicy
        self.fsGroup = fsGroup
        self.sysctls = sysctls
        self.fsGroupChangePolicy = fsGroupChangePolicy
        self.seccompProfile = seccompProfile
        self.appArmorProfile = appArmorProfile
        self.seLinuxChangePolicy = seLinuxChangePolicy
    }
}

/// `core/v1.Capabilities`: POSIX capabilities added and dropped.
public struct Capabilities: Codable, Sendable, Hashable {
    /// Capability names such as `NET_BIND_SERVICE`.
    public var add: [String]?
    /// Capability names, or `ALL`.
    public var drop: [String]?

    public init(add: [String]? = nil, drop: [String]? = nil) {
        self.add = add
        self.drop = drop
    }
}

/// `core/v1.SELinuxOptions`: the SELinux labels of a container.
public struct SELinuxOptions: Codable, Sendable, Hashable {
    public var user: String?
    public var role: String?
    public var type: String?
    public var level: String?

    public init(user: String? = nil, role: String? = nil, type: String? = nil, level: String? = nil) {
        self.user = user
        self.role = role
        self.type = type
        self.level = level
    }
}

/// `core/v1.WindowsSecurityContextOptions`.
public struct WindowsSecurityContextOptions: Codable, Sendable, Hashable {
    public var gmsaCredentialSpecName: String?
    public var gmsaCredentialSpec: String?
    public var runAsUserName: String?
    /// Run as a Windows host process container (requires `hostNetwork`).
    public var hostProcess: Bool?

    public init(
        gmsaCredentialSpecName: String? = nil, gmsaCredentialSpec: String? = nil, runAsUserName: String? = nil,
        hostProcess: Bool? = nil
    ) {
        self.gmsaCredentialSpecName = gmsaCredentialSpecName
        self.gmsaCredentialSpec = gmsaCredentialSpec
        self.runAsUserName = runAsUserName
        self.hostProcess = hostProcess
    }
}

/// `core/v1.SeccompProfileType`.
public enum SeccompProfileType: String, StringEnum {
    case unconfined = "Unconfined"
    case runtimeDefault = "RuntimeDefault"
    case localhost = "Localhost"
}

/// `core/v1.SeccompProfile`.
public struct SeccompProfile: Codable, Sendable, Hashable {
    public var type: SeccompProfileType
    /// Path of the profile on the node, relative to the kubelet's seccomp directory; only for `Localhost`.
    public var localhostProfile: String?

    public init(type: SeccompProfileType, localhostProfile: String? = nil) {
        self.type = type
        self.localhostProfile = localhostProfile
    }
}

/// `core/v1.AppArmorProfileType`.
public enum AppArmorProfileType: String, StringEnum {
    case unconfined = "Unconfined"
    case runtimeDefault = "RuntimeDefault"
    case localhost = "Localhost"
}

/// `core/v1.AppArmorProfile`.
public struct AppArmorProfile: Codable, Sendable, Hashable {
    public var type: AppArmorProfileType
    /// The loaded profile's name; only for `Localhost`.
    public var localhostProfile: String?

    public init(type: AppArmorProfileType, localhostProfile: String? = nil) {
        self.type = type
        self.localhostProfile = localhostProfile
    }
}

/// `core/v1.ProcMountType`.
public enum ProcMountType: String, StringEnum {
    /// The runtime's default masked and read-only `/proc` paths.
    case `default` = "Default"
    /// No masking of `/proc`.
    case unmasked = "Unmasked"
}

/// `core/v1.PodFSGroupChangePolicy`.
public enum PodFSGroupChangePolicy: String, StringEnum {
    case onRootMismatch = "OnRootMismatch"
    case always = "Always"
}

/// `core/v1.SupplementalGroupsPolicy`.
public enum SupplementalGroupsPolicy: String, StringEnum {
    case merge = "Merge"
    case strict = "Strict"
}

/// `core/v1.PodSELinuxChangePolicy`.
public enum PodSELinuxChangePolicy: String, StringEnum {
    case recursive = "Recursive"
    case mountOption = "MountOption"
}

/// `core/v1.Sysctl`: a namespaced kernel parameter.
public struct Sysctl: Codable, Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
