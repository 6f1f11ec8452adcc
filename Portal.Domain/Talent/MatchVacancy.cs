namespace Portal.Domain.Talent;

/// <summary>An open vacancy, packed the same way.</summary>
public readonly record struct MatchVacancy(
    float Latitude, float Longitude, WorkDays Days, ShiftTimes Shifts, bool DrivingLicenceRequired,
    ulong ModulesRequired, int RoleIndex, uint ProgrammesRequired = 0, float HourlyPay = 0f);
