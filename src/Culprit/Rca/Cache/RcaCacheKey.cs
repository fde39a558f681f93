namespace Culprit.Rca.Cache;

/// <summary>What makes two analyses the same: the incident, the version analysed, the engine (provider:model) and the prompt version.</summary>
public sealed record RcaCacheKey(string IncidentId, string? Version, string Engine, string PromptVersion);
