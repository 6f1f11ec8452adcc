namespace Portal.Domain.Training;

/// <summary>How one question went: what was picked and whether that was exactly right.</summary>
public sealed record QuestionResult(QuizQuestion Question, IReadOnlySet<string> Chosen, bool Right);
