namespace Portal.Domain.Training;

/// <summary>One answer a learner can pick, with what they are told about it afterwards.</summary>
public sealed record QuizAnswer(string Id, string Text, bool Correct, string Feedback);
