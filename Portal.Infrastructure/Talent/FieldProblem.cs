namespace Portal.Infrastructure.Talent;

/// <summary>Why a form was refused, and which of its fields to show the message beside.</summary>
public sealed record FieldProblem(string Field, string Message);
