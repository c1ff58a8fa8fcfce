/// The sizes of every experiment that `reproduce` runs, by profile.
package struct ReproductionPlan: Sendable, Codable {
    /// The profile the sizes come from.
    public var profile: ExperimentProfile
    public var linearSweeps: LinearSweepsExperiment.Configuration
    public var collapse: CollapseExperiment.Configuration
    public var frontier: FrontierExperiment.Configuration
    public var observedCoordinates: ObservedCoordinatesExperiment.Configuration
    public var modelRichLoss: ModelRichLossExperiment.Configuration
    public var reluSweeps: ReLUSweepsExperiment.Configuration
    public var gdFailure: GDFailureExperiment.Configuration
    public var lossCurve: LossCurveExperiment.Configuration
    public var labelNoise: LabelNoiseExperiment.Configuration
    public var online: OnlineExperiment.Configuration

    /// The sizes of `profile`.
    public init(profile: ExperimentProfile) {
        self.profile = profile
        linearSweeps = .preset(profile)
        collapse = .preset(profile)
        frontier = .preset(profile)
        observedCoordinates = .preset(profile)
        modelRichLoss = .preset(profile)
        reluSweeps = .preset(profile)
        gdFailure = .preset(profile)
        lossCurve = .preset(profile)
        labelNoise = .preset(profile)
        online = .preset(profile)
    }
}
