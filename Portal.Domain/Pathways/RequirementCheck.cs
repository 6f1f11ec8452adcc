namespace Portal.Domain.Pathways;

/// <summary>One requirement of a step and whether the person has it. <see cref="Slug"/> is null for experience and driving licence.</summary>
public sealed record RequirementCheck(RequirementKind Kind, string? Slug, RequirementStatus Status);
