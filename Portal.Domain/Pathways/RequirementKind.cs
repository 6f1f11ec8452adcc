namespace Portal.Domain.Pathways;

public enum RequirementKind
{
    Programme,
    Module,
    Check,
    Experience,
    DrivingLicence,
}
