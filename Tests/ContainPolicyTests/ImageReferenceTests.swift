import ContainPolicy
import Testing

/// Image references are split as the container runtime resolves them.
@Suite struct ImageReferenceTests {
    static let cases: [(text: String, registry: String, repository: String, digest: String?)] = [
        ("nginx", "docker.io", "library/nginx", nil),
        ("nginx:1.27", "docker.io", "library/nginx", nil),
        ("docker.io/nginx", "docker.io", "library/nginx", nil),
        ("docker.io/team/app:v1", "docker.io", "team/app", nil),
        ("team/app:1", "docker.io", "team/app", nil),
        ("localhost/app", "localhost", "app", nil),
        ("localhost:5000/app:tag", "localhost:5000", "app", nil),
        ("registry.example.com/shop/web:1.8.3@sha256:4b0c", "registry.example.com", "shop/web", "sha256:4b0c"),
        ("registry.example.com:443/a/b/c", "registry.example.com:443", "a/b/c", nil),
        ("ghcr.io/org/ïmage:tag", "ghcr.io", "org/ïmage", nil),
        ("app@sha512:ab", "docker.io", "library/app", "sha512:ab"),
        ("a@", "docker.io", "library/a", ""),
    ]

    @Test func splitsReferences() {
        for (text, registry, repository, digest) in Self.cases {
            let reference = ImageReference(text)
            #expect(reference?.registry == Substring(registry), "\(text)")
            #expect(reference?.repository == Substring(repository), "\(text)")
            let readDigest: String? = reference?.digest.map { String($0) }
            #expect(readDigest == digest, "\(text)")
        }
    }

    @Test func refusesReferencesWithoutARepository() {
        for text in ["", ":tag", "registry.example.com/", "registry.example.com/:tag", "@sha256:ab"] {
            #expect(ImageReference(text) == nil, "\(text)")
        }
    }

    @Test func judgesDigestsAndRegistries() {
        let pinned = ImageReference("registry.example.com/shop/web@sha256:" + String(repeating: "a", count: 64))
        #expect(pinned?.hasValidDigest == true)
        #expect(ImageReference("registry.example.com/shop/web@sha256:abc")?.hasValidDigest == false)
        #expect(pinned?.isUnder(RegistryPrefix("registry.example.com/shop")) == true)
        #expect(pinned?.isUnder(RegistryPrefix("registry.example.com/sh")) == false)
        #expect(ImageReference("nginx")?.isUnder(RegistryPrefix("index.docker.io")) == true)
    }
}
