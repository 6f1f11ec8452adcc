using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Email;

/// <summary>Section "Mail". With no SMTP host, mail is written as .eml files to the pickup folder.</summary>
public sealed class MailOptions
{
    [Required, EmailAddress]
    public string FromAddress { get; set; } = "no-reply@portal.localhost";

    [Required, StringLength(100)]
    public string FromName { get; set; } = "Health and Care Portal";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.Auto;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>
    /// The portal's public address, for links in mail sent by background work (job alerts,
    /// reminders), which has no request to take it from. Set it in production.
    /// </summary>
    [Required]
    [Url]
    public string SiteUrl { get; set; } = "http://localhost:5150";

    /// <summary>Relative to the content root. Used only when <see cref="SmtpHost"/> is empty.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail";

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long to wait before trying again when the server cannot be reached at all.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UnavailableRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The health check turns Degraded when the oldest unsent message has waited longer than this:
    /// the server is down or refusing us, and people are not getting their mail.
    /// </summary>
    [Range(1, 10_080)]
    public int HealthOldestPendingMinutes { get; set; } = 30;

    /// <summary>How long the admin mail page waits for the SMTP server to answer its check.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ServerCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
}
