// The shared vocabulary (data kind, feature map, solver, estimators, sampler) is part of this module's interface.
@_exported import ScalingVocabulary
