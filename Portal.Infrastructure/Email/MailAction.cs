namespace Portal.Infrastructure.Email;

/// <summary>A link in an email: where it goes and the words that say so.</summary>
public sealed record MailAction(string Text, string Url);
