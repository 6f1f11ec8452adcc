namespace Portal.Domain.Pathways;

/// <summary>A second step between the same two roles; <see cref="FirstIndex"/> is the one kept.</summary>
public sealed record DuplicateStep(int FirstIndex, int DuplicateIndex, RouteStep Step);
