/// Server-side apply and field ownership, as kube-apiserver keeps them in
/// `metadata.managedFields`: every write records which manager set which fields; an apply merges
/// the manager's configuration, removes fields the manager stopped applying (when nobody else
/// manages them), and refuses to change fields another manager owns unless forced. Pure.
public struct FieldManager: Sendable {
    /// Which part of the object a write goes to.
    public enum Target: Sendable {
        case main
        case status
    }

    public let walker: FieldWalker
    public let apiVersion: String
    /// Whether `status` belongs to a status subresource (and is not managed through the main resource).
    public let hasStatusSubresource: Bool

    public init(rules: ListMergeRules, apiVersion: String, hasStatusSubresource: Bool) {
        walker = FieldWalker(rules: rules)
        self.apiVersion = apiVersion
        self.hasStatusSubresource = hasStatusSubresource
    }

    /// Metadata members the server owns; they are never managed fields.
    static let serverOwnedMetadata: Set<String> = [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink", "generateName",
    ]

    /// The part of an object whose fields are managed through `target`.
    public func trackedView(of object: JSONObject, target: Target) -> JSONObject {
        if target == .status {
            var view = JSONObject()
            if let status = object["status"] { view["status"] = status }
            return view
        }
        var view = object
        view["apiVersion"] = nil
        view["kind"] = nil
        if hasStatusSubresource { view["status"] = nil }
        if case .object(var metadata)? = view["metadata"] {
            for key in Self.serverOwnedMetadata { metadata[key] = nil }
            view["metadata"] = metadata.isEmpty ? nil : .object(metadata)
        }
        return view
    }

    /// A manager's fields that another manager's apply would change.
    public struct Conflict: Sendable, Hashable {
        /// The other manager, as messages name it.
        public var manager: String
        /// The field path (`.spec.displayName`).
        public var field: String

        public init(manager: String, field: String) {
            self.manager = manager
            self.field = field
        }
    }

    /// An apply refused because it would change fields other managers own.
    public struct ApplyConflicts: Error, Sendable {
        public var conflicts: [Conflict]

        /// Upstream's message: `Apply failed with 1 conflict: conflict with "kubectl": .spec.x`.
        public var message: String {
            if conflicts.count == 1, let only = conflicts.first {
                return "Apply failed with 1 conflict: conflict with \(only.manager): \(only.field)"
            }
            var lines: [String] = []
            for manager in Set(conflicts.map(\.manager)).sorted() {
                lines.append("conflicts with \(manager):")
                for conflict in conflicts where conflict.manager == manager { lines.append("- \(conflict.field)") }
            }
            return "Apply failed with \(conflicts.count) conflicts: " + lines.joined(separator: "\n")
        }
    }

    /// `object` with `managedFields` set to `entries` (dropped when empty).
    func setting(_ entries: [FieldOwner], in object: JSONObject) -> JSONObject {
        var object = object
        var metadata = object["metadata"]?.objectValue ?? JSONObject()
        let kept = entries.filter { !$0.fields.isEmpty }
        metadata["managedFields"] = kept.isEmpty ? nil : .array(kept.map(\.json))
        object["metadata"] = .object(metadata)
        return object
    }

    /// Records a create, update or patch by `manager`: the fields it added or changed become
    /// its own (and no longer another's); removed fields leave every manager. `old` is `nil` on create.
    /// A `managedFields` list the client sent replaces the stored one before the write is recorded.
    public func recordUpdate(old: JSONObject?, new: JSONObject, manager: String, target: Target, now: Time) -> JSONObject {
        let subresource: String? = target == .status ? "status" : nil
        var entries: [FieldOwner]
        let sent = new["metadata"]?["managedFields"]
        if let sent, sent != old?["metadata"]?["managedFields"] {
            entries = (sent.arrayValue ?? []).compactMap(FieldOwner.init(json:))
        } else {
            entries = old.map(FieldOwner.entries(of:)) ?? []
        }
        let newView = trackedView(of: new, target: target)
        let changes: FieldWalker.Changes
        if let old {
            changes = walker.compare(trackedView(of: old, target: target), newView)
        } else {
            changes = FieldWalker.Changes(added: walker.fields(of: newView))
        }
        let me = FieldOwner(manager: manager, operation: .update, apiVersion: apiVersion, subresource: subresource, fields: FieldSet())
        let taken = changes.added.union(changes.modified)
        var mine = entries.firstIndex { $0.isSameManager(as: me) }
        for index in entries.indices {
            let before = entries[index].fields
            var after = before.subtracting(changes.removed)
            if index != mine { after = after.subtracting(changes.modified) }
            if after != before {
                entries[index].fields = after
                entries[index].time = now.rfc3339
            }
        }
        if !taken.isEmpty {
            if mine == nil {
                entries.append(me)
                mine = entries.count - 1
            }
            if let mine {
                entries[mine].fields = entries[mine].fields.union(taken)
                entries[mine].time = now.rfc3339
            }
        }
        return setting(entries, in: new)
    }

    /// Applies `applied` (the manager's whole configuration) to `live` (`nil` when the object does
    /// not exist): the merged object with updated `managedFields`, or the conflicts when another
    /// manager owns a field the apply would change and `force` is false.
    public func apply(live: JSONObject?, applied: JSONObject, manager: String, force: Bool, target: Target,
                      now: Time) throws(ApplyConflicts) -> JSONObject {
        let subresource: String? = target == .status ? "status" : nil
        var config = applied
        config["metadata"]?["managedFields"] = nil
        if target == .status {
            var statusOnly = JSONObject()
            statusOnly["status"] = config["status"]
            config = statusOnly
        } else if hasStatusSubresource {
            config["status"] = nil
        }
        let configFields = walker.fields(of: trackedView(of: config, target: target))
        let me = FieldOwner(manager: manager, operation: .apply, apiVersion: apiVersion, time: now.rfc3339,
                                    subresource: subresource, fields: configFields)
        guard let live else {
            return setting([me], in: target == .main ? config : applied)
        }
        var entries = FieldOwner.entries(of: live)
        guard case .object(let merged) = walker.merge(.object(live), .object(config)) else { return live }
        let changed = walker.compare(trackedView(of: live, target: target), trackedView(of: merged, target: target)).modified
        var conflicts: [Conflict] = []
        for index in entries.indices where !entries[index].isSameManager(as: me) {
            let overlap = entries[index].fields.intersection(changed)
            if overlap.isEmpty { continue }
            if force {
                entries[index].fields = entries[index].fields.subtracting(overlap)
                entries[index].time = now.rfc3339
            } else {
                conflicts += overlap.paths.map { Conflict(manager: entries[index].conflictName, field: FieldSet.describe($0)) }
            }
        }
        if !conflicts.isEmpty { throw ApplyConflicts(conflicts: conflicts) }
        let previous = entries.first { $0.isSameManager(as: me) }?.fields ?? FieldSet()
        var others = FieldSet()
        for entry in entries where !entry.isSameManager(as: me) { others = others.union(entry.fields) }
        let dropped = previous.subtracting(configFields).subtracting(others)
        var result = merged
        if !dropped.isEmpty, case .object(let pruned)? = walker.removing(dropped, from: .object(merged)) {
            result = pruned
        }
        if let index = entries.firstIndex(where: { $0.isSameManager(as: me) }) {
            var entry = me
            if entries[index].fields == configFields { entry.time = entries[index].time }
            entries[index] = entry
        } else {
            entries.append(me)
        }
        return setting(entries, in: result)
    }
}
