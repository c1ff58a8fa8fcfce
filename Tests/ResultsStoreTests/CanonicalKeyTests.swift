import Testing
@testable import ResultsStore

@Suite("Canonical key")
struct CanonicalKeyTests {
    let base = PointConfiguration(
        alpha: 0.5, beta: 1.25, m: nil, n: 128, d: 256, data: .sparse, features: .linear,
        solver: .reduced, ridge: 0, tail: .expected, tolerance: nil)

    @Test("the key spells every field exactly")
    func format() {
        #expect(base.key == "alpha=0.5;beta=1.25;m=inf;n=128;d=256;data=sparse;features=linear;solver=reduced;ridge=0.0;tail=expected;tolerance=default;extra=")
    }

    @Test("changing any field changes the key")
    func everyFieldMatters() {
        var variants: [PointConfiguration] = []
        func vary(_ change: (inout PointConfiguration) -> Void) {
            var copy = base
            change(&copy)
            variants.append(copy)
        }
        vary { $0.alpha = 0.5.nextUp }
        vary { $0.beta = 1.25.nextDown }
        vary { $0.m = 1000 }
        vary { $0.n = 129 }
        vary { $0.d = 257 }
        vary { $0.data = .dense }
        vary { $0.features = .relu }
        vary { $0.solver = .gd }
        vary { $0.ridge = 1e-300 }
        vary { $0.tail = .realized }
        vary { $0.tolerance = 1e-12 }
        vary { $0.extra = "step=0.1" }
        let keys = Set(([base] + variants).map(\.key))
        #expect(keys.count == variants.count + 1)
    }

    @Test("text fields cannot forge other fields")
    func escaping() {
        var a = base
        a.extra = "gd;tail=realized"
        #expect(!a.key.contains(";tail=realized;tail"))
        #expect(a.key.contains("extra=gd%3Btail%3Drealized"))
    }

    @Test("canonicalExtra sorts names and prints exact doubles")
    func extra() {
        #expect(PointConfiguration.canonicalExtra(["step": 0.1, "iterations": 1000]) == "iterations=1000.0,step=0.1")
        #expect(PointConfiguration.canonicalExtra([:]) == "")
    }
}
