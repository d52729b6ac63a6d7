/// `core/v1.Container`: one application, init or sidecar container of a pod.
public struct Container: Codable, Sendable, Hashable {
    /// A DNS label, unique among all the pod's containers.
    public var name: String
    public var image: String?
    /// The entrypoint; the image's ENTRYPOINT when unset.
    public var command: [String]?
    /// Arguments to the entrypoint; the image's CMD when unset.
    public var args: [String]?
    public var workingDir: String?
    public var ports: [ContainerPort]?
    public var envFrom: [EnvFromSource]?
    public var env: [EnvVar]?
    public var resources: ResourceRequirements?
    public var resizePolicy: [ContainerResizePolicy]?
    /// Overrides the pod's restart policy; `Always` on an init container makes it a sidecar.
    public var restartPolicy: RestartPolicy?
    /// Rules deciding whether to restart the container on exit.
    public var restartPolicyRules: [ContainerRestartRule]?
    public var volumeMounts: [VolumeMount]?
    /// Raw block devices to map into the container.
    public var volumeDevices: [VolumeDevice]?
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var lifecycle: Lifecycle?
    /// Defaults to `/dev/termination-log`.
    public var terminationMessagePath: String?
    /// Defaults to `File`.
    public var terminationMessagePolicy: TerminationMessagePolicy?
    /// Defaults to `Always` for `:latest` images, `IfNotPresent` otherwise.
    public var imagePullPolicy: PullPolicy?
    /// Overrides the equivalent fields of the pod's security context.
    public var securityContext: SecurityContext?
    /// Allocate a buffer for stdin.
    public var stdin: Bool?
    /// Close stdin after the first attach ends.
    public var stdinOnce: Bool?
    /// Allocate a TTY (requires `stdin`).
    public var tty: Bool?

    public init(
        name: String, image: String? = nil, command: [String]? = nil, args: [String]? = nil, workingDir: String? = nil,
        ports: [ContainerPort]? = nil, envFrom: [EnvFromSource]? = nil, env: [EnvVar]? = nil,
        resources: ResourceRequirements? = nil, resizePolicy: [ContainerResizePolicy]? = nil,
        restartPolicy: RestartPolicy? = nil, restartPolicyRules: [ContainerRestartRule]? = nil,
        volumeMounts: [VolumeMount]? = nil, volumeDevices: [VolumeDevice]? = nil, livenessProbe: Probe? = nil,
        readinessProbe: Probe? = nil, startupProbe: Probe? = nil, lifecycle: Lifecycle? = nil,
        terminationMessagePath: String? = nil, terminationMessagePolicy: TerminationMessagePolicy? = nil,
        imagePullPolicy: PullPolicy? = nil, securityContext: SecurityContext? = nil, stdin: Bool? = nil,
        stdinOnce: Bool? = nil, tty: Bool? = nil
    ) {
        self.name = name
        self.image = image
        self.command = command
        self.args = args
        self.workingDir = workingDir
        self.ports = ports
        self.envFrom = envFrom
        self.env = env
        self.resources = resources
        self.resizePolicy = resizePolicy
        self.restartPolicy = restartPolicy
        self.restartPolicyRules = restartPolicyRules
        self.volumeMounts = volumeMounts
        self.volumeDevices = volumeDevices
        self.livenessProbe = livenessProbe
        self.readinessProbe = readinessProbe
        self.startupProbe = startupProbe
        self.lifecycle = lifecycle
        self.terminationMessagePath = terminationMessagePath
        self.terminationMessagePolicy = terminationMessagePolicy
        self.imagePullPolicy = imagePullPolicy
        self.securityContext = securityContext
        self.stdin = stdin
        self.stdinOnce = stdinOnce
        self.tty = tty
    }
}

/// `core/v1.EphemeralContainer`: a temporary debugging container added to a running pod. It has
/// every field of `Container` (ports, probes, lifecycle and resources are rejected by validation) and a target.
public struct EphemeralContainer: Codable, Sendable, Hashable {
    /// A DNS label, unique among all the pod's containers.
    public var name: String
    public var image: String?
    /// The entrypoint; the image's ENTRYPOINT when unset.
    public var command: [String]?
    /// Arguments to the entrypoint; the image's CMD when unset.
    public var args: [String]?
    public var workingDir: String?
    public var ports: [ContainerPort]?
    public var envFrom: [EnvFromSource]?
    public var env: [EnvVar]?
    public var resources: ResourceRequirements?
    public var resizePolicy: [ContainerResizePolicy]?
    /// Overrides the pod's restart policy; `Always` on an init container makes it a sidecar.
    public var restartPolicy: RestartPolicy?
    /// Rules deciding whether to restart the container on exit.
    public var restartPolicyRules: [ContainerRestartRule]?
    public var volumeMounts: [VolumeMount]?
    /// Raw block devices to map into the container.
    public var volumeDevices: [VolumeDevice]?
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var lifecycle: Lifecycle?
    /// Defaults to `/dev/termination-log`.
    public var terminationMessagePath: String?
    /// Defaults to `File`.
    public var terminationMessagePolicy: TerminationMessagePolicy?
    /// Defaults to `Always` for `:latest` images, `IfNotPresent` otherwise.
    public var imagePullPolicy: PullPolicy?
    /// Overrides the equivalent fields of the pod's security context.
    public var securityContext: SecurityContext?
    /// Allocate a buffer for stdin.
    public var stdin: Bool?
    /// Close stdin after the first attach ends.
    public var stdinOnce: Bool?
    /// Allocate a TTY (requires `stdin`).
    public var tty: Bool?
    /// The container whose namespaces (IPC, PID, …) this one joins.
    public var targetContainerName: String?

    public init(
        name: String, image: String? = nil, command: [String]? = nil, args: [String]? = nil, workingDir: String? = nil,
        ports: [ContainerPort]? = nil, envFrom: [EnvFromSource]? = nil, env: [EnvVar]? = nil,
        resources: ResourceRequirements? = nil, resizePolicy: [ContainerResizePolicy]? = nil,
        restartPolicy: RestartPolicy? = nil, restartPolicyRules: [ContainerRestartRule]? = nil,
        volumeMounts: [VolumeMount]? = nil, volumeDevices: [VolumeDevice]? = nil, livenessProbe: Probe? = nil,
        readinessProbe: Probe? = nil, startupProbe: Probe? = nil, lifecycle: Lifecycle? = nil,
        terminationMessagePath: String? = nil, terminationMessagePolicy: TerminationMessagePolicy? = nil,
        imagePullPolicy: PullPolicy? = nil, securityContext: SecurityContext? = nil, stdin: Bool? = nil,
        stdinOnce: Bool? = nil, tty: Bool? = nil, targetContainerName: String? = nil
    ) {
        self.name = name
        self.image = image
        self.command = command
        self.args = args
        self.workingDir = workingDir
        self.ports = ports
        self.envFrom = envFrom
        self.env = env
        self.resources = resources
        self.resizePolicy = resizePolicy
        self.restartPolicy = restartPolicy
        self.restartPolicyRules = restartPolicyRules
        self.volumeMounts = volumeMounts
        self.volumeDevices = volumeDevices
        self.livenessProbe = livenessProbe
        self.readinessProbe = readinessProbe
        self.startupProbe = startupProbe
        self.lifecycle = lifecycle
        self.terminationMessagePath = terminationMessagePath
        self.terminationMessagePolicy = terminationMessagePolicy
        self.imagePullPolicy = imagePullPolicy
        self.securityContext = securityContext
        self.stdin = stdin
        self.stdinOnce = stdinOnce
        self.tty = tty
        self.targetContainerName = targetContainerName
    }
}

/// `core/v1.ContainerPort`: a network port of a container.
public struct ContainerPort: Codable, Sendable, Hashable {
    /// An IANA service name, unique in the pod, that services can refer to.
    public var name: String?
    /// The port to expose on the node; most containers need none.
    public var hostPort: Int32?
    public var containerPort: Int32
    /// Defaults to `TCP`.
    public var `protocol`: PortProtocol?
    /// The node IP to bind `hostPort` to.
    public var hostIP: String?

    public init(
        name: String? = nil, hostPort: Int32? = nil, containerPort: Int32, protocol: PortProtocol? = nil,
        hostIP: String? = nil
    ) {
        self.name = name
        self.hostPort = hostPort
        self.containerPort = containerPort
        self.protocol = `protocol`
        self.hostIP = hostIP
    }
}

/// `core/v1.EnvFromSource`: a ConfigMap or Secret whose keys become environment variables.
public struct EnvFromSource: Codable, Sendable, Hashable {
    /// Prepended to every variable name.
    public var prefix: String?
    public var configMapRef: ConfigMapEnvSource?
    public var secretRef: SecretEnvSource?

    public init(prefix: String? = nil, configMapRef: ConfigMapEnvSource? = nil, secretRef: SecretEnvSource? = nil) {
        self.prefix = prefix
        self.configMapRef = configMapRef
        self.secretRef = secretRef
    }
}

/// `core/v1.ConfigMapEnvSource`.
public struct ConfigMapEnvSource: Codable, Sendable, Hashable {
    public var name: String?
    /// Whether the ConfigMap may be missing.
    public var optional: Bool?

    public init(name: String? = nil, optional: Bool? = nil) {
        self.name = name
        self.optional = optional
    }
}

/// `core/v1.SecretEnvSource`.
public struct SecretEnvSource: Codable, Sendable, Hashable {
    public var name: String?
    /// Whether the Secret may be missing.
    public var optional: Bool?

    public init(name: String? = nil, optional: Bool? = nil) {
        self.name = name
        self.optional = optional
    }
}

/// `core/v1.EnvVar`: an environment variable of a container.
public struct EnvVar: Codable, Sendable, Hashable {
    public var name: String
    /// May refer to earlier variables as `$(NAME)`.
    public var value: String?
    public var valueFrom: EnvVarSource?

    public init(name: String, value: String? = nil, valueFrom: EnvVarSource? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }
}

/// `core/v1.EnvVarSource`: where a variable's value comes from; exactly one is set.
public struct EnvVarSource: Codable, Sendable, Hashable {
    public var fieldRef: ObjectFieldSelector?
    public var resourceFieldRef: ResourceFieldSelector?
    public var configMapKeyRef: ConfigMapKeySelector?
    public var secretKeyRef: SecretKeySelector?
    /// A key of an env file in a volume (feature EnvFiles).
    public var fileKeyRef: FileKeySelector?

    public init(
        fieldRef: ObjectFieldSelector? = nil, resourceFieldRef: ResourceFieldSelector? = nil,
        configMapKeyRef: ConfigMapKeySelector? = nil, secretKeyRef: SecretKeySelector? = nil,
        fileKeyRef: FileKeySelector? = nil
    ) {
        self.fieldRef = fieldRef
        self.resourceFieldRef = resourceFieldRef
        self.configMapKeyRef = configMapKeyRef
        self.secretKeyRef = secretKeyRef
        self.fileKeyRef = fileKeyRef
    }
}

/// `core/v1.ConfigMapKeySelector`: one key of a ConfigMap.
public struct ConfigMapKeySelector: Codable, Sendable, Hashable {
    public var name: String?
    public var key: String
    public var optional: Bool?

    public init(name: String? = nil, key: String, optional: Bool? = nil) {
        self.name = name
        self.key = key
        self.optional = optional
    }
}

/// `core/v1.SecretKeySelector`: one key of a Secret.
public struct SecretKeySelector: Codable, Sendable, Hashable {
    public var name: String?
    public var key: String
    public var optional: Bool?

    public init(name: String? = nil, key: String, optional: Bool? = nil) {
        self.name = name
        self.key = key
        self.optional = optional
    }
}

/// `core/v1.FileKeySelector`: one key of an env file in a volume.
public struct FileKeySelector: Codable, Sendable, Hashable {
    public var volumeName: String
    /// The file's path inside the volume.
    public var path: String
    public var key: String
    public var optional: Bool?

    public init(volumeName: String, path: String, key: String, optional: Bool? = nil) {
        self.volumeName = volumeName
        self.path = path
        self.key = key
        self.optional = optional
    }
}

/// `core/v1.ResourceRequirements`: compute resources of a container (or pod).
public struct ResourceRequirements: Codable, Sendable, Hashable {
    public var limits: ResourceList?
    /// Default to `limits` when omitted.
    public var requests: ResourceList?
    /// Entries of `spec.resourceClaims` this container uses.
    public var claims: [ResourceClaim]?

    public init(limits: ResourceList? = nil, requests: ResourceList? = nil, claims: [ResourceClaim]? = nil) {
        self.limits = limits
        self.requests = requests
        self.claims = claims
    }
}

/// `core/v1.ResourceClaim`: a reference to an entry of `spec.resourceClaims`.
public struct ResourceClaim: Codable, Sendable, Hashable {
    public var name: String
    /// One request of the claim; all of it when empty.
    public var request: String?

    public init(name: String, request: String? = nil) {
        self.name = name
        self.request = request
    }
}

/// `core/v1.ResourceResizeRestartPolicy`.
public enum ResourceResizeRestartPolicy: String, StringEnum {
    case notRequired = "NotRequired"
    case restartContainer = "RestartContainer"
}

/// `core/v1.ContainerResizePolicy`: what happens when a resource is resized in place.
public struct ContainerResizePolicy: Codable, Sendable, Hashable {
    /// `cpu` or `memory`.
    public var resourceName: String
    public var restartPolicy: ResourceResizeRestartPolicy

    public init(resourceName: String, restartPolicy: ResourceResizeRestartPolicy) {
        self.resourceName = resourceName
        self.restartPolicy = restartPolicy
    }
}

/// `core/v1.ContainerRestartRuleAction`.
public enum ContainerRestartRuleAction: String, StringEnum {
    case restart = "Restart"
    case restartAllContainers = "RestartAllContainers"
}

/// `core/v1.ContainerRestartRuleOnExitCodesOperator`.
public enum ContainerRestartRuleOnExitCodesOperator: String, StringEnum {
    case `in` = "In"
    case notIn = "NotIn"
}

/// `core/v1.ContainerRestartRule`: how a container exit is handled.
public struct ContainerRestartRule: Codable, Sendable, Hashable {
    public var action: ContainerRestartRuleAction
    public var exitCodes: ContainerRestartRuleOnExitCodes?

    public init(action: ContainerRestartRuleAction, exitCodes: ContainerRestartRuleOnExitCodes? = nil) {
        self.action = action
        self.exitCodes = exitCodes
    }
}

/// `core/v1.ContainerRestartRuleOnExitCodes`.
public struct ContainerRestartRuleOnExitCodes: Codable, Sendable, Hashable {
    public var `operator`: ContainerRestartRuleOnExitCodesOperator
    public var values: [Int32]?

    public init(operator: ContainerRestartRuleOnExitCodesOperator, values: [Int32]? = nil) {
        self.operator = `operator`
        self.values = values
    }
}

/// `core/v1.TerminationMessagePolicy`.
public enum TerminationMessagePolicy: String, StringEnum {
    case file = "File"
    case fallbackToLogsOnError = "FallbackToLogsOnError"
}

/// `core/v1.MountPropagationMode`.
public enum MountPropagationMode: String, StringEnum {
    /// No propagation in either direction (Linux `private`).
    case noPropagation = "None"
    /// Mounts propagate from the host into the container (`rslave`).
    case hostToContainer = "HostToContainer"
    /// Mounts propagate both ways (`rshared`).
    case bidirectional = "Bidirectional"
}

/// `core/v1.RecursiveReadOnlyMode`.
public enum RecursiveReadOnlyMode: String, StringEnum {
    case disabled = "Disabled"
    case ifPossible = "IfPossible"
    case enabled = "Enabled"
}

/// `core/v1.VolumeMount`: a volume mounted into a container.
public struct VolumeMount: Codable, Sendable, Hashable {
    /// The name of a volume of the pod.
    public var name: String
    public var readOnly: Bool?
    public var recursiveReadOnly: RecursiveReadOnlyMode?
    public var mountPath: String
    /// The path inside the volume to mount instead of its root.
    public var subPath: String?
    public var mountPropagation: MountPropagationMode?
    /// Like `subPath`, with `$(VAR)` expanded from the container's environment.
    public var subPathExpr: String?

    public init(
        name: String, readOnly: Bool? = nil, recursiveReadOnly: RecursiveReadOnlyMode? = nil, mountPath: String,
        subPath: String? = nil, mountPropagation: MountPropagationMode? = nil, subPathExpr: String? = nil
    ) {
        self.name = name
        self.readOnly = readOnly
        self.recursiveReadOnly = recursiveReadOnly
        self.mountPath = mountPath
        self.subPath = subPath
        self.mountPropagation = mountPropagation
        self.subPathExpr = subPathExpr
    }
}

/// `core/v1.VolumeDevice`: a raw block device mapped into a container.
public struct VolumeDevice: Codable, Sendable, Hashable {
    /// The name of a persistentVolumeClaim volume of the pod.
    public var name: String
    public var devicePath: String

    public init(name: String, devicePath: String) {
        self.name = name
        self.devicePath = devicePath
    }
}

extension EphemeralContainer {
    /// An ephemeral container with every field of `container`.
    public init(_ container: Container, targetContainerName: String? = nil) {
        self.init(
            name: container.name, image: container.image, command: container.command, args: container.args,
            workingDir: container.workingDir, ports: container.ports, envFrom: container.envFrom, env: container.env,
            resources: container.resources, resizePolicy: container.resizePolicy,
            restartPolicy: container.restartPolicy, restartPolicyRules: container.restartPolicyRules,
            volumeMounts: container.volumeMounts, volumeDevices: container.volumeDevices,
            livenessProbe: container.livenessProbe, readinessProbe: container.readinessProbe,
            startupProbe: container.startupProbe, lifecycle: container.lifecycle,
            terminationMessagePath: container.terminationMessagePath,
            terminationMessagePolicy: container.terminationMessagePolicy, imagePullPolicy: container.imagePullPolicy,
            securityContext: container.securityContext, stdin: container.stdin, stdinOnce: container.stdinOnce,
            tty: container.tty, targetContainerName: targetContainerName)
    }
}

extension Container {
    /// The `Container` part of an ephemeral container; `targetContainerName` is dropped.
    public init(_ ephemeral: EphemeralContainer) {
        self.init(
            name: ephemeral.name, image: ephemeral.image, command: ephemeral.command, args: ephemeral.args,
            workingDir: ephemeral.workingDir, ports: ephemeral.ports, envFrom: ephemeral.envFrom, env: ephemeral.env,
            resources: ephemeral.resources, resizePolicy: ephemeral.resizePolicy,
            restartPolicy: ephemeral.restartPolicy, restartPolicyRules: ephemeral.restartPolicyRules,
            volumeMounts: ephemeral.volumeMounts, volumeDevices: ephemeral.volumeDevices,
            livenessProbe: ephemeral.livenessProbe, readinessProbe: ephemeral.readinessProbe,
            startupProbe: ephemeral.startupProbe, lifecycle: ephemeral.lifecycle,
            terminationMessagePath: ephemeral.terminationMessagePath,
            terminationMessagePolicy: ephemeral.terminationMessagePolicy, imagePullPolicy: ephemeral.imagePullPolicy,
            securityContext: ephemeral.securityContext, stdin: ephemeral.stdin, stdinOnce: ephemeral.stdinOnce,
            tty: ephemeral.tty)
    }
}
