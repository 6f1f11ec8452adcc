using Bunit;
using Microsoft.Extensions.Options;
using Portal.Domain.Talent;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Email.Templates;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Tests.Email;

/// <summary>Email templates as a reader meets them: the portal named, who it is from, the link it is about, and how to stop optional mail.</summary>
public sealed class MailTemplateTests : IDisposable
{
    private static readonly MailSite Site = new("Health and Care Portal", "https://portal.example");

    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    private IRenderedComponent<T> Render<T>(object content) where T : Microsoft.AspNetCore.Components.IComponent =>
        _context.Render<T>(builder =>
        {
            builder.OpenComponent<T>(0);
            builder.AddComponentParameter(1, "Site", Site);
            builder.AddComponentParameter(2, "Content", content);
            builder.CloseComponent();
        });

    [Fact]
    public void AStatusEmailNamesThePortalTheEmployerAndLinksToTheApplications()
    {
        var mail = Render<ApplicationStatusMail>(new ApplicationStatusMail.Model("Amina", "Night carer", "Aire Care", ApplicationStatus.Interview, "https://portal.example/applications"));

        Assert.Contains("Health and Care Portal", mail.Markup, StringComparison.Ordinal);
        Assert.Contains("From Aire Care, through the Health and Care Portal", mail.Find("p:nth-of-type(2)").TextContent, StringComparison.Ordinal);
        Assert.Equal("They would like to interview you", mail.Find("h1").TextContent);
        Assert.Contains(mail.FindAll("a"), a => a.GetAttribute("href") == "https://portal.example/applications" && a.TextContent == "See your applications");
    }

    [Fact]
    public void RequiredMailHasNoUnsubscribeLinkAndOptionalMailLinksToItsPreferences()
    {
        var status = Render<ApplicationStatusMail>(new ApplicationStatusMail.Model(null, "Night carer", "Aire Care", ApplicationStatus.Shortlisted, "https://portal.example/applications"));
        Assert.DoesNotContain(status.FindAll("a"), a => a.GetAttribute("href")!.Contains("/profile", StringComparison.Ordinal));

        var reminders = Render<ReminderDigestMail>(new ReminderDigestMail.Model("Amina", [new("Fire safety runs out on 1 January 2027", "https://portal.example/learn/fire-safety")],
            "https://portal.example/learn/record", "https://portal.example/profile/reminders"));
        Assert.Contains(reminders.FindAll("a"), a => a.GetAttribute("href") == "https://portal.example/profile/reminders" && a.TextContent.Contains("Choose which reminders", StringComparison.Ordinal));

        var alert = Render<JobAlertMail>(new JobAlertMail.Model(null, "Nights near LS6", 1,
            [new("Night carer", "Aire Care", "LS6", 13.5m, 30, ["Real Living Wage"], "https://portal.example/jobs/1")], null, "https://portal.example/profile/alerts"));
        Assert.Contains(alert.FindAll("a"), a => a.GetAttribute("href") == "https://portal.example/profile/alerts");

        var matches = Render<MatchesMail>(new MatchesMail.Model(null, [new("Night carer", "Aire Care", "LS6", "in your area", "https://portal.example/jobs/1")],
            "https://portal.example/profile/matches", "https://portal.example/profile"));
        Assert.Contains(matches.FindAll("a"), a => a.GetAttribute("href") == "https://portal.example/profile" && a.TextContent.StartsWith("Stop these emails", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatARecruiterOrApplicantTypedIsShownAsTextNeverAsMarkup()
    {
        var mail = Render<NewApplicationMail>(new NewApplicationMail.Model(null, "<script>alert(1)</script>", "Carer <b>now</b>", "Aire Care", "https://portal.example/recruit"));

        Assert.Empty(mail.FindAll("script"));
        Assert.Empty(mail.FindAll("b"));
        Assert.Contains("<script>alert(1)</script> has applied", mail.Find("p:nth-of-type(4)").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTextPartSaysWhatTheHtmlSaysWithEachLinkSpelledOut()
    {
        var templates = new MailTemplates(Options.Create(new MailOptions { SiteUrl = "https://portal.example/" }));
        var mail = await templates.RenderAsync<NoticeMail>("amina@example.com", "Confirm your email", new NoticeMail.Model(
            "Amina", "Confirm your email address", ["Confirm this address to finish setting up your account."],
            new MailAction("Confirm your email address", "https://portal.example/confirm?code=a&b=c"), ["If it was not you, ignore this email."]));

        Assert.StartsWith("<!DOCTYPE html>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(
            "Health and Care Portal\n\nConfirm your email address\n\nHello Amina,\n\nConfirm this address to finish setting up your account.\n\n" +
            "Confirm your email address: https://portal.example/confirm?code=a&b=c\n\nIf it was not you, ignore this email.\n\n" +
            "Health and Care Portal: https://portal.example\n",
            mail.TextBody);
    }

    [Fact]
    public async Task ALongSubjectIsCutToWhatTheOutboxTakes()
    {
        var templates = new MailTemplates(Options.Create(new MailOptions()));
        var mail = await templates.RenderAsync<NoticeMail>("a@example.com", new string('x', 300), new NoticeMail.Model(null, "Hi", []));

        Assert.Equal(Portal.Domain.Notifications.OutgoingMail.MaxSubjectLength, mail.Subject.Length);
    }
}
