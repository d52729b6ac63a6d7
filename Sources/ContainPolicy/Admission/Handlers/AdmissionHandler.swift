import ContainModel

/// What every handler reads: the request, its surroundings and the tenant's compiled policy.
struct AdmissionInput {
    let request: AdmissionRequest
    let context: AdmissionContext
    let tenant: TenantPolicy?
    let directory: TenantDirectory
    let engine: AdmissionEngine

    /// The mode `rule` has for the tenant (enforce without a tenant).
    func mode(_ rule: GuardrailRule) -> GuardrailMode { tenant?.mode(rule) ?? .enforce }

    /// Whether a default that mutation fills in may be patched now.
    func mayMutate(_ rule: GuardrailRule) -> Bool { context.stage == .mutating && mode(rule) == .enforce }
}

/// The pod a Pod or workload carries, with where it lies in the object.
struct PodTarget {
    let metadata: ObjectMeta?
    let spec: PodSpec
    /// `spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`.
    let specPath: FieldPath
    /// The JSON pointer of `specPath`.
    let specPointer: String
    /// A Pod (rules are enforced and mutated) rather than a workload's template.
    let isPod: Bool

    /// The path of container `index` of list `kind` (`spec.containers[1]`).
    func containerPath(_ kind: ContainerView.Kind, _ index: Int) -> FieldPath {
        specPath.child(kind.fieldName).index(index)
    }

    /// Whether a default missing here is a violation: a pod that mutation should already have
    /// filled in (validating stage). Templates and offline manifests are mutated later.
    func missingDefaultIsViolation(_ input: AdmissionInput) -> Bool {
        isPod && input.context.stage == .validating
    }
}

/// The violations and patch operations handlers add as the chain runs.
struct AdmissionOutcome {
    var violations: [GuardrailViolation] = []
    var patch: [PatchOperation] = []

    mutating func report(_ rule: GuardrailRule, _ mode: GuardrailMode, _ path: FieldPath, _ message: String) {
        violations.append(GuardrailViolation(rule: rule, mode: mode, fieldPath: path, message: message))
    }
}

/// A rule about the pod of a Pod or workload. Handlers run in a chain; each adds what it finds.
protocol PodHandler: Sendable {
    func handle(_ pod: PodTarget, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome)
}

/// A rule about one other kind of object.
protocol ObjectHandler: Sendable {
    func handle(_ object: AdmissionObject, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome)
}

/// Calls `body` for every init and regular container (ephemeral ones last when `ephemeral`).
@inline(__always)
func forEachContainer(_ spec: PodSpec, ephemeral: Bool,
                      _ body: (_ kind: ContainerView.Kind, _ index: Int, _ name: String, _ image: String?, _ resources: ResourceRequirements?) -> Void) {
    // Fields are read through the array (no copy of each Container), which keeps this loop cheap.
    if let initContainers = spec.initContainers {
        for index in initContainers.indices {
            body(.initContainer, index, initContainers[index].name, initContainers[index].image, initContainers[index].resources)
        }
    }
    for index in spec.containers.indices {
        body(.container, index, spec.containers[index].name, spec.containers[index].image, spec.containers[index].resources)
    }
    if ephemeral, let ephemeralContainers = spec.ephemeralContainers {
        for index in ephemeralContainers.indices {
            body(.ephemeralContainer, index, ephemeralContainers[index].name, ephemeralContainers[index].image,
                 ephemeralContainers[index].resources)
        }
    }
}
