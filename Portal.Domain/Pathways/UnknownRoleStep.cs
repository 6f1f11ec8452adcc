namespace Portal.Domain.Pathways;

/// <summary>A step that names a role the content does not define. <see cref="StepIndex"/> is its position in the list given, so a loader can name the file and line.</summary>
public sealed record UnknownRoleStep(int StepIndex, RouteStep Step, string UnknownRole);
