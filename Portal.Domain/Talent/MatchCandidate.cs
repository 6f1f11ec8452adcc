namespace Portal.Domain.Talent;

/// <summary>
/// A person, packed for scoring: place, when they can work, licence, the hourly pay they asked for
/// (0 when they did not say), and which training modules, programmes and roles (by index into the
/// caller's lists, at most 64 modules and roles and 32 programmes) they hold, want, or have on a
/// saved route.
/// </summary>
public readonly record struct MatchCandidate(
    float Latitude, float Longitude, WorkDays Days, ShiftTimes Shifts, bool DrivingLicence,
    ulong ModulesHeld, ulong RolesWanted, ulong RolesOnSavedRoute, uint ProgrammesHeld = 0, float PayAsked = 0f);
