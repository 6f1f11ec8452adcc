using Portal.Domain.Training;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Training;

/// <summary>One line of a training record.</summary>
/// <param name="Module">Null when the module has been withdrawn from the content since it was completed.</param>
/// <param name="NextLesson">Where a round in progress stands; null when none is.</param>
public sealed record RecordEntry(
    string ModuleSlug,
    string Title,
    LearningModule? Module,
    TrainingStatus Status,
    Completion? Latest,
    DateTime? ExpiresAtUtc,
    int? NextLesson,
    int Completions);
