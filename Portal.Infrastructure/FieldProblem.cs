namespace Portal.Infrastructure;

/// <summary>Why a form was refused, and which of its fields (the Input property name) to show the message beside.</summary>
public sealed record FieldProblem(string Field, string Message);
