namespace Portal.Infrastructure.Email;

/// <summary>Where a person stops or changes an optional email (reminders, matches, job alerts); required mail has none.</summary>
public sealed record MailPreferences(string Url, string Text);
