using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Accounts;

/// <summary>
/// Refuses passwords an attacker tries first, checked offline: the 30,000 most common passwords,
/// anything that contains the person's name or email address, and anything zxcvbn scores as easy
/// to guess (words, names, keyboard runs, sequences, repeats, dates). Length alone let
/// <c>123456789012</c>, <c>aaaaaaaaaaaa</c> and <c>passwordpassword</c> through; none of those is in
/// the list, but each scores 0 of 4.
/// </summary>
/// <remarks>
/// The list and the scorer come from the NuGet package zxcvbn-core 1.1.17 (MIT licence, copyright
/// Dropbox, Inc. and Tony Richards; github.com/trichards57/zxcvbn-cs), a C# port of Dropbox's
/// zxcvbn. Its <c>passwords.lst</c> is zxcvbn's frequency list of the 30,000 most common passwords
/// from Mark Burnett's 10 million password corpus, one per line in rank order; words and names
/// that rank higher in its English, names and film lists are kept there instead, which the score
/// covers.
/// </remarks>
public sealed class GuessablePasswordValidator(IOptions<AccountsOptions> options) : IPasswordValidator<PortalUser>
{
    /// <summary>zxcvbn's score runs 0-4; 3 means "safely unguessable: moderate protection from an offline attack".</summary>
    public const int MinimumScore = 3;

    // zxcvbn's matching grows with the square of the length; past this a password is long enough
    // that its first part decides, and a 200-character paste cannot tie up a core.
    private const int ScoredLength = 64;

    // The dictionaries load once, on first use; the matchers keep no state between calls.
    private static readonly Zxcvbn.Zxcvbn Scorer = new();

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        // Too short already has its own message; one clear problem at a time.
        if (string.IsNullOrEmpty(password) || password.Length < manager.Options.Password.RequiredLength)
            return Task.FromResult(IdentityResult.Success);
        var problem = Problem(password, user.Email ?? user.UserName, user.DisplayName, options.Value.PasswordContextWords);
        return Task.FromResult(problem is null ? IdentityResult.Success : IdentityResult.Failed(problem));
    }

    /// <summary>What is wrong with the password for a person with this email and name, or null when nothing is.</summary>
    /// <param name="contextWords">Names of this site and its operator (ASVS 6.1.2): a password must not contain them.</param>
    public static IdentityError? Problem(string password, string? email, string? name, IEnumerable<string>? contextWords = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        var folded = Fold(password);
        if (CommonPasswords.Value.Contains(folded) || CommonPasswords.Value.Contains(password.Trim().ToLowerInvariant()))
        {
            return new IdentityError
            {
                Code = "CommonPassword",
                Description = "This is one of the most common passwords, so it is among the first that anyone guessing would try. Choose another: three or four unrelated words work well",
            };
        }

        if (PersonalParts(email, name).Any(part => folded.Contains(part, StringComparison.Ordinal)))
        {
            return new IdentityError
            {
                Code = "PersonalPassword",
                Description = "Your password must not contain your name or your email address",
            };
        }

        var context = (contextWords ?? []).Select(LettersAndDigits).Where(w => w.Length >= 4).ToList();
        if (context.Any(word => LettersAndDigits(password).Contains(word, StringComparison.Ordinal)))
        {
            return new IdentityError
            {
                Code = "ContextPassword",
                Description = "Your password must not contain the name of this website",
            };
        }

        // The pieces of the address ("jane", "smith") make the score count them as known words.
        var known = PersonalParts(email, name).Concat(EmailPieces(email)).Concat(context);
        if (Scorer.EvaluatePassword(password.Length > ScoredLength ? password[..ScoredLength] : password, known).Score < MinimumScore)
        {
            return new IdentityError
            {
                Code = "GuessablePassword",
                Description = "This password is too easy to guess: it is made of common words or names, a keyboard pattern, a run like 1234 or repeated letters. Choose another: three or four unrelated words work well",
            };
        }

        return null;
    }

    /// <summary>
    /// What a password must not contain: the whole email address, its part before the @, the name
    /// without spaces, and each word of the name, each of four letters or more (shorter ones, such as
    /// "Ann", would ban ordinary words like "planning"). Pieces of the address are left to the
    /// score: a work address such as care.team@ would otherwise ban the word "care".
    /// </summary>
    internal static IEnumerable<string> PersonalParts(string? email, string? name)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(email))
        {
            var address = Fold(email);
            Add(parts, address, 3);
            Add(parts, address.Split('@')[0], 4);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var words = Fold(name).Split([' ', '-', '\'', '.', ','], StringSplitOptions.RemoveEmptyEntries);
            Add(parts, string.Concat(words), 4);
            foreach (var word in words)
                Add(parts, word, 4);
        }

        return parts;
    }

    private static IEnumerable<string> EmailPieces(string? email) =>
        string.IsNullOrWhiteSpace(email) ? [] : Fold(email).Split('@')[0].Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3);

    private static void Add(HashSet<string> parts, string part, int minimumLength)
    {
        if (part.Length >= minimumLength)
            parts.Add(part);
    }

    // "Health & Care-Portal" and "healthandcareportal" are the same words.
    private static string LettersAndDigits(string text) => string.Concat(Fold(text).Replace("&", "and", StringComparison.Ordinal).Where(char.IsLetterOrDigit));

    // Lower case without accents, so "Zoë" in a name matches "zoe" in a password.
    private static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(c);
        }

        return folded.ToString();
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream("zxcvbn-core.Dictionaries.passwords.lst")
            ?? throw new InvalidOperationException("zxcvbn-core no longer carries its passwords list.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length > 0)
                passwords.Add(line.Trim());
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
