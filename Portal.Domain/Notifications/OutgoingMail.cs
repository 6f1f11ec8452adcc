namespace Portal.Domain.Notifications;

/// <summary>One email as the portal means it: addressed, with a plain-text body and an optional HTML body.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    public const int MaxAddressLength = 256;
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 100_000;
}
