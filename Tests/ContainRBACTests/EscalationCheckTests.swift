import ContainModel
import Testing

@testable import ContainRBAC

@Suite("Escalation prevention")
struct EscalationCheckTests {
    static func rule(_ verbs: [String], _ groups: [String], _ resources: [String], names: [String]? = nil) -> PolicyRule {
        PolicyRule(verbs: verbs, apiGroups: groups, resources: resources, resourceNames: names)
    }

    @Test func coverageBreaksRulesIntoAtoms() {
        let owned = [Self.rule(["get", "list"], [""], ["pods", "configmaps"])]
        #expect(EscalationCheck.uncovered(owned: owned, requested: [Self.rule(["get"], [""], ["pods"])]).isEmpty)
        let missing = EscalationCheck.uncovered(owned: owned, requested: [Self.rule(["get", "delete"], [""], ["pods"])])
        #expect(missing == [Self.rule(["delete"], [""], ["pods"])])
        #expect(EscalationCheck.describe(missing[0]) == #"{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}"#)
    }

    @Test func wildcardsOnlyCoverWildcardsWhenOwned() {
        let owned = [Self.rule(["get"], [""], ["pods"])]
        #expect(!EscalationCheck.uncovered(owned: owned, requested: [Self.rule(["*"], [""], ["pods"])]).isEmpty)
        let admin = [Self.rule(["*"], ["*"], ["*"])]
        #expect(EscalationCheck.uncovered(owned: admin, requested: [Self.rule(["*"], ["*"], ["*"])]).isEmpty)
    }

    @Test func resourceNamesAndSubresources() {
        let owned = [Self.rule(["get"], [""], ["secrets"], names: ["a"]), Self.rule(["update"], ["apps"], ["*/scale"])]
        #expect(EscalationCheck.uncovered(owned: owned, requested: [Self.rule(["get"], [""], ["secrets"], names: ["a"])]).isEmpty)
        #expect(!EscalationCheck.uncovered(owned: owned, requested: [Self.rule(["get"], [""], ["secrets"])]).isEmpty)
        #expect(EscalationCheck.uncovered(owned: owned, requested: [Self.rule(["update"], ["apps"], ["deployments/scale"])]).isEmpty)
        #expect(!EscalationCheck.uncovered(owned: owned, requested: [Self.rule(["update"], ["apps"], ["deployments"])]).isEmpty)
    }

    @Test func nonResourceURLs() {
        let owned = [PolicyRule(verbs: ["get"], nonResourceURLs: ["/logs/*", "/healthz"])]
        #expect(EscalationCheck.uncovered(owned: owned, requested: [PolicyRule(verbs: ["get"], nonResourceURLs: ["/logs/a", "/healthz"])]).isEmpty)
        #expect(!EscalationCheck.uncovered(owned: owned, requested: [PolicyRule(verbs: ["get"], nonResourceURLs: ["/metrics"])]).isEmpty)
        #expect(!EscalationCheck.uncovered(owned: owned, requested: [PolicyRule(verbs: ["post"], nonResourceURLs: ["/healthz"])]).isEmpty)
    }
}
