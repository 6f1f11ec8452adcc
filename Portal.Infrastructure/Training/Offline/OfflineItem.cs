using Portal.Domain.Training.Offline;

namespace Portal.Infrastructure.Training.Offline;

/// <summary>One thing a learner did offline, as the phone sends it.</summary>
/// <param name="Key">The phone's random id for it, the same on every retry.</param>
/// <param name="Lesson">For a lesson: its number, from 1.</param>
/// <param name="At">When the phone says it happened.</param>
/// <param name="Answers">For a quiz: the answer ids chosen, by question id.</param>
public sealed record OfflineItem(
    Guid Key,
    OfflineItemKind Kind,
    string Module,
    string Version,
    int Lesson,
    DateTimeOffset At,
    IReadOnlyDictionary<string, IReadOnlyCollection<string>>? Answers);

/// <summary>The server's answer to one item; the phone drops the item and shows the message.</summary>
/// <param name="Repeat">The item had been received before: this is the first answer, again.</param>
/// <param name="CompletionId">The completion a pass is recorded as, for its certificate.</param>
public sealed record OfflineAnswer(Guid Key, OfflineOutcome Outcome, string Message, bool Repeat, long? CompletionId);
