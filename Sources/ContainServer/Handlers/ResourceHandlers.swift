import ContainModel
import ContainStore
import Foundation
import Hummingbird

/// The handlers of one request on one resource: reads, writes and watch.
struct ResourceHandlers: Sendable {
    let server: APIServer
    let resource: APIResource
    let path: ResourcePath
    let query: QueryParameters
    let accept: String
    /// The client's `User-Agent`, which names the field manager when the request does not.
    var userAgent: String = ""

    var store: any ObjectStore { server.store }

    /// Whether the client asked for a `meta.k8s.io/v1` Table.
    var wantsTable: Bool { accept.contains("as=Table") && accept.contains("g=meta.k8s.io") }

    func key(_ name: String) -> ObjectKey {
        ObjectKey(resource: resource.key, namespace: resource.type.namespaced ? (path.namespace ?? "") : "", name: name)
    }

    static func decode(_ stored: StoredObject) throws -> JSONObject {
        guard case .object(let object)? = try? JSONReader.value(String(decoding: stored.data, as: UTF8.self)) else {
            throw APIError.internalError("stored object \(stored.key) is not a JSON object")
        }
        return object
    }

    static func text(_ stored: StoredObject) -> String { String(decoding: stored.data, as: UTF8.self) }

    func existing(_ name: String) async throws -> StoredObject {
        if resource.type.namespaced && (path.namespace ?? "").isEmpty {
            throw APIError.badRequest("a namespace is required for \(resource.qualifiedName)")
        }
        guard let stored = try await store.get(key(name)) else { throw APIError.notFound(resource, name: name) }
        return stored
    }

    // MARK: Reads

    func get(_ name: String) async throws -> Response {
        let stored = try await existing(name)
        if wantsTable {
            let builder = TableBuilder(resource: resource, now: .now())
            return HTTPResponses.json(builder.table([try Self.decode(stored)], resourceVersion: String(stored.revision)))
        }
        return HTTPResponses.json(Self.text(stored))
    }

    /// The label and field selectors of the request as one filter.
    func selection() throws -> (name: String?, filter: (@Sendable (StoredObject) -> Bool)?, matches: @Sendable (JSONObject) -> Bool) {
        var labels: LabelSelectorExpression?
        if let text = query["labelSelector"], !text.isEmpty {
            do { labels = try LabelSelectorExpression(parsing: text) } catch {
                throw APIError.badRequest("unable to parse requirement: \(error)")
            }
        }
        var fields: FieldSelector?
        if let text = query["fieldSelector"], !text.isEmpty { fields = try FieldSelector(parsing: text) }
        let labelSelector = labels, fieldSelector = fields
        let matches: @Sendable (JSONObject) -> Bool = { object in
            let metadata = object["metadata"]
            if let labelSelector {
                var map: [String: String] = [:]
                for (key, value) in metadata?["labels"]?.objectValue?.members ?? [] { map[key] = value.stringValue ?? "" }
                if !labelSelector.matches(map) { return false }
            }
            if let fieldSelector {
                return fieldSelector.matches(name: metadata?["name"]?.stringValue ?? "",
                                             namespace: metadata?["namespace"]?.stringValue ?? "")
            }
            return true
        }
        var filter: (@Sendable (StoredObject) -> Bool)?
        if labels != nil || fields != nil {
            filter = { @Sendable (stored: StoredObject) -> Bool in
                guard let object = try? Self.decode(stored) else { return false }
                return matches(object)
            }
        }
        return (fields?.exactName, filter, matches)
    }

    /// The collection, or with `visible` only the objects whose name it accepts (applied in the
    /// store query, before `limit`, so pages stay full and continue tokens stay valid).
    func list(visible: (@Sendable (String) -> Bool)? = nil) async throws -> Response {
        var selection = try selection()
        if let visible {
            let selected = selection.filter
            selection.filter = { @Sendable stored in visible(stored.key.name) && (selected?(stored) ?? true) }
        }
        var limit: Int?
        if let text = query["limit"], !text.isEmpty {
            guard let value = Int(text), value >= 0 else { throw APIError.badRequest("invalid limit: \(text)") }
            limit = value == 0 ? nil : value
        }
        let continueToken = query["continue"].flatMap { $0.isEmpty ? nil : $0 }
        if continueToken != nil, let rv = query["resourceVersion"], !rv.isEmpty, rv != "0" {
            throw APIError.badRequest("specifying resource version is not allowed when using continue")
        }
        let request = ListRequest(resource: resource.key, namespace: resource.type.namespaced ? path.namespace : nil,
                                  name: selection.name, limit: limit, continueToken: continueToken,
                                  revision: continueToken == nil ? try await snapshotRevision(paginated: limit != nil) : nil,
                                  filter: selection.filter)
        let result: ListResult
        do {
            result = try await store.list(request)
        } catch StoreError.expired {
            if continueToken == nil {
                throw APIError.expired("The resourceVersion for the provided list is too old.")
            }
            throw APIError.expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.")
        }
        if wantsTable {
            let objects = try result.items.map(Self.decode)
            let builder = TableBuilder(resource: resource, now: .now())
            return HTTPResponses.json(builder.table(objects, resourceVersion: String(result.revision),
                                                    continueToken: result.continueToken, remainingItemCount: result.remainingItemCount))
        }
        var metadata: JSONObject = ["resourceVersion": .string(String(result.revision))]
        if let token = result.continueToken { metadata["continue"] = .string(token) }
        if let remaining = result.remainingItemCount, result.continueToken != nil { metadata["remainingItemCount"] = .integer(remaining) }
        var text = "{\"apiVersion\":\(JSONWriter.compact(.string(resource.type.apiVersion))),\"kind\":\(JSONWriter.compact(.string(resource.type.kind + "List"))),"
        text += "\"metadata\":\(JSONWriter.compact(.object(metadata))),\"items\":["
        text += result.items.map(Self.text).joined(separator: ",")
        text += "]}"
        return HTTPResponses.json(text)
    }

    /// The revision a list reads at, from `resourceVersion` and `resourceVersionMatch` as upstream
    /// reads them: unset or `0` is the latest state; `Exact` (or a paginated list at a given
    /// version) reads that snapshot; `NotOlderThan` is served with the latest state. A version
    /// newer than the store's is 504 with reason `Timeout`, as kube-apiserver answers after waiting.
    func snapshotRevision(paginated: Bool) async throws -> Int64? {
        let text = query["resourceVersion"] ?? ""
        let match = query["resourceVersionMatch"] ?? ""
        guard ["", "Exact", "NotOlderThan"].contains(match) else {
            throw APIError.badRequest("resourceVersionMatch: Unsupported value: \"\(match)\": supported values: \"Exact\", \"NotOlderThan\"")
        }
        if text.isEmpty || text == "0" {
            if match == "Exact" { throw APIError.badRequest("resourceVersionMatch \"Exact\" requires a resourceVersion other than 0") }
            return nil
        }
        guard let revision = Int64(text), revision > 0 else { throw APIError.badRequest("invalid resourceVersion \"\(text)\"") }
        let current = try await store.currentRevision()
        if revision > current {
            throw APIError(.failure(code: 504, reason: "Timeout", message: "Too large resource version: \(revision), current: \(current)",
                                    details: StatusDetails(causes: [StatusCause(reason: "ResourceVersionTooLarge", message: "Too large resource version")],
                                                           retryAfterSeconds: 1)))
        }
        return match == "Exact" || (match.isEmpty && paginated) ? revision : nil
    }

    // MARK: Writes

    /// The field manager a write is recorded under: `?fieldManager=`, else the User-Agent's
    /// product name (`kubectl`), as upstream derives it.
    func fieldManagerName() throws -> String {
        var name = query["fieldManager"] ?? ""
        if name.isEmpty { name = String(userAgent.split(separator: "/", maxSplits: 1).first ?? "") }
        if name.count > 128 {
            throw APIError.invalid(resource, name: path.name ?? "", issues: [
                .invalid(FieldPath("fieldManager"), .string(name), "must be no more than 128 characters"),
            ])
        }
        return name
    }

    /// Creates `body`; `applying` creates through server-side apply (the manager then owns the
    /// fields as an applier rather than an updater).
    func create(_ body: JSONObject, applying: String? = nil) async throws -> Response {
        let validation = WriteValidation(resource: resource, fieldValidation: try FieldValidation(query: query["fieldValidation"]))
        let prepared = try ObjectPreparation.prepareCreate(body, resource: resource, namespace: path.namespace, now: .now())
        var (object, warnings) = try validation.check(prepared)
        let fields = resource.fieldManager
        if let applying {
            do {
                object = try fields.apply(live: nil, applied: object, manager: applying, force: false, target: .main, now: .now())
            } catch { throw APIError.applyConflict(error) }
        } else {
            object = fields.recordUpdate(old: nil, new: object, manager: try fieldManagerName(), target: .main, now: .now())
        }
        let name = object["metadata"]?["name"]?.stringValue ?? ""
        var namespaceObject: StoredObject?
        if resource.type.namespaced, let namespace = path.namespace {
            namespaceObject = try await requireNamespace(namespace)
        }
        let admitted = try await server.admission.admit(object, old: nil, resource: resource, subresource: nil,
                                                        dryRun: query["dryRun"] != nil, namespaceObject: namespaceObject)
        object = admitted.object
        warnings += admitted.warnings
        if query["dryRun"] != nil { return HTTPResponses.json(.object(object), code: 201, warnings: warnings) }
        // A name made from `generateName` that is taken is drawn again, as kube-apiserver does
        // since RetryGenerateName (1.31): clients see AlreadyExists only for names they chose.
        let generated = (body["metadata"]?["name"]?.stringValue ?? "").isEmpty
            ? body["metadata"]?["generateName"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } : nil
        var attemptName = name
        for attempt in 0..<8 {
            switch try await store.create(key(attemptName), object: object) {
            case .created(let stored): return HTTPResponses.json(Self.text(stored), code: 201, warnings: warnings)
            case .alreadyExists:
                guard let generated, attempt < 7 else { throw APIError.alreadyExists(resource, name: attemptName) }
                attemptName = generated + ObjectPreparation.randomSuffix()
                object["metadata"]?["name"] = .string(attemptName)
            }
        }
        throw APIError.alreadyExists(resource, name: attemptName)
    }

    /// The stored namespace, which must exist and not be terminating.
    func requireNamespace(_ namespace: String) async throws -> StoredObject {
        let key = ObjectKey(resource: ResourceKey(group: "", resource: "namespaces"), name: namespace)
        guard let stored = try await store.get(key) else {
            throw APIError(.failure(code: 404, reason: "NotFound", message: "namespaces \"\(namespace)\" not found",
                                    details: StatusDetails(name: namespace, kind: "namespaces")))
        }
        if (try? Self.decode(stored))?["metadata"]?["deletionTimestamp"] != nil {
            throw APIError(.failure(code: 403, reason: "Forbidden",
                                    message: "\(resource.qualifiedName) is forbidden: unable to create new content in namespace \(namespace) because it is being terminated"))
        }
        return stored
    }

    var updateTarget: ObjectPreparation.UpdateTarget { path.subresource == "status" ? .status : .main }

    func update(_ name: String, body: JSONObject) async throws -> Response {
        let current = try await existing(name)
        let rvText = body["metadata"]?["resourceVersion"]?.stringValue ?? ""
        var expected: Int64?
        if rvText.isEmpty {
            if resource.type.group == PlatformGroup.name || resource.typedKind == nil {
                throw APIError.invalid(resource, name: name, issues: [
                    .invalid(FieldPath("metadata", "resourceVersion"), .string("0x0"), "must be specified for an update"),
                ])
            }
        } else {
            guard let rv = Int64(rvText) else { throw APIError.badRequest("invalid resourceVersion \"\(rvText)\"") }
            if rv != current.revision { throw APIError.conflict(resource, name: name) }
            expected = rv
        }
        return try await write(name, current: current, new: body, expected: expected ?? current.revision, code: 200,
                               manager: try fieldManagerName())
    }

    /// Validates and stores `new` as the next state of `current`; deletes when the last finalizer
    /// went. A non-nil `manager` is recorded as the updater of what changed (server-side apply
    /// passes nil: it recorded ownership itself).
    func write(_ name: String, current: StoredObject, new: JSONObject, expected: Int64, code: Int,
               manager: String?) async throws -> Response {
        let validation = WriteValidation(resource: resource, fieldValidation: try FieldValidation(query: query["fieldValidation"]))
        let old = try Self.decode(current)
        let prepared = try ObjectPreparation.prepareUpdate(old: old, new: new, resource: resource, target: updateTarget)
        var (object, warnings) = try validation.check(prepared.object)
        if let manager {
            object = resource.fieldManager.recordUpdate(old: old, new: object, manager: manager,
                                                        target: updateTarget == .status ? .status : .main, now: .now())
        }
        if !prepared.deleteNow {
            let admitted = try await server.admission.admit(object, old: old, resource: resource, subresource: path.subresource,
                                                            dryRun: query["dryRun"] != nil)
            object = admitted.object
            warnings += admitted.warnings
        }
        if query["dryRun"] != nil { return HTTPResponses.json(.object(object), code: code, warnings: warnings) }
        if prepared.deleteNow {
            switch try await store.delete(key(name), expectedRevision: expected) {
            case .deleted(let stored): return HTTPResponses.json(Self.text(stored), code: code, warnings: warnings)
            case .conflict: throw APIError.conflict(resource, name: name)
            case .notFound: throw APIError.notFound(resource, name: name)
            }
        }
        switch try await store.update(key(name), object: object, expectedRevision: expected) {
        case .updated(let stored): return HTTPResponses.json(Self.text(stored), code: code, warnings: warnings)
        case .conflict: throw APIError.conflict(resource, name: name)
        case .notFound: throw APIError.notFound(resource, name: name)
        }
    }

    static let patchTypes = ["application/json-patch+json", "application/merge-patch+json",
                             "application/strategic-merge-patch+json", "application/apply-patch+yaml"]

    func patch(_ name: String, body: String, contentType: String) async throws -> Response {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let supported = Self.patchTypes.filter { resource.supportsStrategicMerge || $0 != "application/strategic-merge-patch+json" }
        guard supported.contains(type) else { throw APIError.unsupportedMediaType(contentType, supported: supported) }
        let patchValue: JSONValue
        do {
            patchValue = type == "application/apply-patch+yaml" ? try YAMLReader.value(body) : try JSONReader.value(body)
        } catch {
            throw APIError.badRequest("the body of the request could not be decoded: \(error)")
        }
        let force = query.flag("force")
        if force && type != "application/apply-patch+yaml" {
            throw APIError.badRequest("force is only allowed for apply patches")
        }
        if type == "application/apply-patch+yaml" { return try await apply(name, config: patchValue, force: force) }
        let manager = try fieldManagerName()
        var lastError: APIError?
        for _ in 0..<3 {
            let current = try await existing(name)
            let old = try Self.decode(current)
            let patched: JSONValue
            switch type {
            case "application/json-patch+json":
                do { patched = try JSONPatch.apply(patchValue, to: .object(old)) } catch {
                    if error.isTestFailure { throw APIError(.failure(code: 422, reason: "Invalid", message: error.message)) }
                    throw APIError(.failure(code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request: \(error.message)"))
                }
            case "application/strategic-merge-patch+json":
                do { patched = try StrategicMergePatch(rules: resource.listRules).apply(patchValue, to: .object(old)) } catch {
                    throw APIError(.failure(code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request: \(error.message)"))
                }
            default:
                guard case .object = patchValue else { throw APIError.badRequest("a merge patch must be a JSON object") }
                patched = JSONMergePatch.apply(patchValue, to: .object(old))
            }
            guard case .object(var new) = patched else { throw APIError.badRequest("the patched object is not an object") }
            let newRV = new["metadata"]?["resourceVersion"]?.stringValue ?? ""
            if !newRV.isEmpty && newRV != String(current.revision) { throw APIError.conflict(resource, name: name) }
            new["metadata"]?["resourceVersion"] = .string(String(current.revision))
            do {
                return try await write(name, current: current, new: new, expected: current.revision, code: 200, manager: manager)
            } catch let error as APIError where error.status.reason == "Conflict" {
                lastError = error  // a concurrent writer won; patch the new state
            }
        }
        throw lastError ?? APIError.conflict(resource, name: name)
    }

    /// Server-side apply (`application/apply-patch+yaml`): creates the object or merges the
    /// manager's configuration into it, with field ownership, conflicts and `force`.
    func apply(_ name: String, config value: JSONValue, force: Bool) async throws -> Response {
        guard case .object(var config) = value else {
            throw APIError.badRequest("the body of an apply patch must be an object, got \(value.typeName)")
        }
        guard let manager = query["fieldManager"], !manager.isEmpty else {
            throw APIError.invalid(resource, name: name, issues: [.required(FieldPath("fieldManager"), "is required for apply patch")])
        }
        if (config["apiVersion"]?.stringValue ?? "").isEmpty || (config["kind"]?.stringValue ?? "").isEmpty {
            throw APIError.badRequest("apiVersion and kind must be set in an apply patch")
        }
        let configName = config["metadata"]?["name"]?.stringValue ?? ""
        if !configName.isEmpty && configName != name {
            throw APIError.badRequest("the name of the object (\(configName)) does not match the name on the URL (\(name))")
        }
        if config["metadata"] == nil { config["metadata"] = .object(JSONObject()) }
        config["metadata"]?["name"] = .string(name)
        var lastError: APIError?
        for _ in 0..<3 {
            if resource.type.namespaced && (path.namespace ?? "").isEmpty {
                throw APIError.badRequest("a namespace is required for \(resource.qualifiedName)")
            }
            guard let current = try await store.get(key(name)) else {
                if updateTarget == .status { throw APIError.notFound(resource, name: name) }
                do {
                    return try await create(config, applying: manager)
                } catch let error as APIError where error.status.reason == "AlreadyExists" {
                    lastError = APIError.conflict(resource, name: name)
                    continue  // created concurrently: apply to it
                }
            }
            let live = try Self.decode(current)
            let merged: JSONObject
            do {
                merged = try resource.fieldManager.apply(live: live, applied: config, manager: manager, force: force,
                                                         target: updateTarget == .status ? .status : .main, now: .now())
            } catch {
                throw APIError.applyConflict(error)
            }
            do {
                return try await write(name, current: current, new: merged, expected: current.revision, code: 200, manager: nil)
            } catch let error as APIError where error.status.reason == "Conflict" && error.status.details?.causes == nil {
                lastError = error  // a concurrent writer won; apply to the new state
            }
        }
        throw lastError ?? APIError.conflict(resource, name: name)
    }

    /// How a delete treats the object's dependents (`DeleteOptions.propagationPolicy`).
    enum Propagation: String {
        case background = "Background"
        case foreground = "Foreground"
        case orphan = "Orphan"

        /// The finalizer that makes the garbage collector finish this propagation, if any.
        var finalizer: String? {
            switch self {
            case .background: nil
            case .foreground: GarbageCollector.foregroundFinalizer
            case .orphan: GarbageCollector.orphanFinalizer
            }
        }
    }

    /// The propagation policy of a delete, from its `DeleteOptions` body or the query.
    func propagation(_ options: JSONObject) throws -> Propagation {
        let text = options["propagationPolicy"]?.stringValue ?? query["propagationPolicy"]
        if let text, !text.isEmpty {
            guard let policy = Propagation(rawValue: text) else {
                throw APIError.badRequest("propagationPolicy must be one of Background, Foreground, Orphan, got \(text)")
            }
            return policy
        }
        if options["orphanDependents"]?.boolValue == true || query["orphanDependents"] == "true" { return .orphan }
        return .background
    }

    func delete(_ name: String, body: String) async throws -> Response {
        let current = try await existing(name)
        var object = try Self.decode(current)
        let options = body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? JSONObject() : try APIServer.parseObject(body)
        if let rv = options["preconditions"]?["resourceVersion"]?.stringValue, rv != String(current.revision) {
            throw APIError.conflict(resource, name: name, detail: "the ResourceVersion in the precondition (\(rv)) does not match the ResourceVersion in record (\(current.revision)). The object might have been modified")
        }
        let uid = object["metadata"]?["uid"]?.stringValue
        if let want = options["preconditions"]?["uid"]?.stringValue, want != uid {
            throw APIError.conflict(resource, name: name, detail: "the UID in the precondition (\(want)) does not match the UID in record (\(uid ?? "")). The object might have been deleted and then recreated")
        }
        let propagation = try propagation(options)
        if query["dryRun"] != nil { return HTTPResponses.json(.object(object)) }
        if resource.type.group.isEmpty && resource.type.kind == "Namespace" {
            try await deleteContents(ofNamespace: name)
            object = try Self.decode(try await existing(name))
        }
        var finalizers = ObjectPreparation.strings(object["metadata"]?["finalizers"])
        if let cascade = propagation.finalizer, !finalizers.contains(cascade), object["metadata"]?["deletionTimestamp"] == nil {
            finalizers.append(cascade)
            object["metadata"]?["finalizers"] = .array(finalizers.map(JSONValue.string))
        }
        if !finalizers.isEmpty {
            if object["metadata"]?["deletionTimestamp"] != nil { return HTTPResponses.json(.object(object)) }
            let marked = ObjectPreparation.markDeleting(object, now: .now())
            switch try await store.update(key(name), object: marked, expectedRevision: nil) {
            case .updated(let stored): return HTTPResponses.json(Self.text(stored))
            case .conflict: throw APIError.conflict(resource, name: name)
            case .notFound: throw APIError.notFound(resource, name: name)
            }
        }
        switch try await store.delete(key(name), expectedRevision: nil) {
        case .deleted:
            let status = Status(status: "Success", details: StatusDetails(name: name, group: resource.type.group,
                                                                          kind: resource.type.plural, uid: uid))
            return HTTPResponses.json(try ValueEncoder().encode(status))
        case .conflict: throw APIError.conflict(resource, name: name)
        case .notFound: throw APIError.notFound(resource, name: name)
        }
    }

    /// `deletecollection`: deletes every object the selectors match (in the namespace of the
    /// path, or everywhere) and answers with the list of what was deleted or marked for deletion.
    func deleteCollection(body: String) async throws -> Response {
        let selection = try selection()
        let result = try await store.list(ListRequest(resource: resource.key, namespace: resource.type.namespaced ? path.namespace : nil,
                                                      name: selection.name, filter: selection.filter))
        var deleted: [String] = []
        for stored in result.items {
            let name = stored.key.name
            let handlers = ResourceHandlers(server: server, resource: resource,
                                            path: ResourcePath(group: path.group, version: path.version, namespace: stored.key.namespace.isEmpty ? nil : stored.key.namespace,
                                                               plural: path.plural, name: name, subresource: nil),
                                            query: query, accept: accept, userAgent: userAgent)
            do {
                _ = try await handlers.delete(name, body: body)
                deleted.append(Self.text(stored))
            } catch let error as APIError where error.code == 404 {
                continue  // deleted meanwhile
            }
        }
        var text = "{\"apiVersion\":\(JSONWriter.compact(.string(resource.type.apiVersion))),\"kind\":\(JSONWriter.compact(.string(resource.type.kind + "List"))),"
        text += "\"metadata\":{\"resourceVersion\":\"\(try await store.currentRevision())\"},\"items\":[" + deleted.joined(separator: ",") + "]}"
        return HTTPResponses.json(text)
    }

    /// Deletes every namespaced object in a namespace: objects with finalizers are marked, the rest go.
    func deleteContents(ofNamespace namespace: String) async throws {
        for other in server.registry.resources where other.type.namespaced {
            let result = try await store.list(ListRequest(resource: other.key, namespace: namespace))
            for stored in result.items {
                let object = try Self.decode(stored)
                if ObjectPreparation.strings(object["metadata"]?["finalizers"]).isEmpty {
                    _ = try await store.delete(stored.key, expectedRevision: nil)
                } else if object["metadata"]?["deletionTimestamp"] == nil {
                    _ = try await store.update(stored.key, object: ObjectPreparation.markDeleting(object, now: .now()),
                                               expectedRevision: stored.revision)
                }
            }
        }
    }
}
