namespace Portal.Domain.Training;

/// <summary>
/// A reminder that is due. <see cref="DueOn"/> is the day it is about (the expiry date, or the day the
/// module became stalled): with the person, module and kind it is the key that makes it fire once.
/// </summary>
public sealed record DueReminder(string ModuleSlug, ReminderKind Kind, DateOnly DueOn);
