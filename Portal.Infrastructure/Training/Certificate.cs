using Portal.Domain.Training;

namespace Portal.Infrastructure.Training;

/// <summary>What a certificate shows: no more about the person than their name.</summary>
/// <param name="Superseded">A later completion of the same module exists (a refresher).</param>
public sealed record Certificate(
    Completion Completion,
    string? Name,
    string ModuleTitle,
    DateTime? ExpiresAtUtc,
    TrainingStatus Status,
    bool Superseded);
