namespace Portal.Domain.Training;

/// <summary>Where a person stands on one module, as their training record shows it.</summary>
public enum TrainingStatus
{
    NotStarted,
    InProgress,
    Valid,
    ExpiringSoon,
    Expired,
}
