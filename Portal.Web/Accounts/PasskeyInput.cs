using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Accounts;

/// <summary>What wwwroot/js/passkeys.js posts: the browser's answer to a passkey ceremony, or why there is none.</summary>
public sealed class PasskeyInput
{
    public const int MaxNameLength = 60;

    [StringLength(20_000)]
    public string? CredentialJson { get; set; }

    /// <summary>"cancelled" when the person said no (or let it time out), "failed" for anything else.</summary>
    [StringLength(20)]
    public string? Error { get; set; }

    /// <summary>Only when adding one: what the person calls it, so they know which to remove later.</summary>
    [StringLength(MaxNameLength, ErrorMessage = "Keep the name to 60 characters or fewer")]
    [Display(Name = "Name for this passkey (optional)")]
    public string? Name { get; set; }

    /// <summary>The message for a ceremony that produced no answer, or whose answer was refused.</summary>
    public string Problem(string whatFailed) =>
        Error == "cancelled"
            ? $"{whatFailed} was cancelled, or took too long. Try again when you are ready."
            : $"{whatFailed} did not work. Try again; if it still does not work, use another way.";
}
