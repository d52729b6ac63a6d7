import ContainModel

/// A binding subject reduced to what a request's user is matched against: a user name or a group.
/// ServiceAccounts become their user name, `system:serviceaccount:NAMESPACE:NAME`.
enum SubjectKey: Hashable, Sendable {
    case user(String)
    case group(String)

    /// The key of a binding subject; `bindingNamespace` fills a ServiceAccount's missing namespace.
    init?(_ subject: Subject, bindingNamespace: String) {
        switch subject.kind {
        case .user: self = .user(subject.name)
        case .group: self = .group(subject.name)
        case .serviceAccount:
            let namespace = subject.namespace ?? bindingNamespace
            guard !namespace.isEmpty else { return nil }
            self = .user("system:serviceaccount:\(namespace):\(subject.name)")
        }
    }
}
