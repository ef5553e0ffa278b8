using System.Collections.Generic;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using Engagement.Rules.Tests.Support;
using NodaTime;
using NodaTime.Testing;

namespace Engagement.Rules.Tests.Policies;

public sealed class PolicyOptionsTest
{
    [Test]
    public void Validate_Defaults_HaveNoError()
    {
        PolicyOptions.Default.GetErrors().Should().BeEmpty();
    }

    [Test]
    public void Validate_ManyProblems_ReportsEveryOneAtOnce()
    {
        var options = PolicyOptions.Default with
        {
            StopConditions = new StopConditionOptions { EmailSunsetAfterUnengaged = 0 },
            QuietHours = new QuietHoursOptions
            {
                DefaultWindows = [new ContactWindow(ContactChannel.Sms, new LocalTime(21, 0), new LocalTime(8, 0))],
                UnknownZoneStart = new LocalTime(19, 0),
                UnknownZoneEnd = new LocalTime(10, 0),
            },
            Frequency = new FrequencyOptions
            {
                Caps = [new FrequencyCap(TouchClass.Safety, 1, Duration.FromDays(7)), new FrequencyCap(TouchClass.Marketing, 0, Duration.Zero)],
                TopicCooldowns = new Dictionary<string, Duration> { ["service.oil"] = Duration.FromDays(-1) },
            },
            Suppression = new SuppressionOptions { SuppressedClasses = [TouchClass.Safety] },
            Arbitration = new ArbitrationOptions { MaxNonSafetyTouchesPerDay = 0 },
            Holdouts = new HoldoutOptions { GlobalPercent = 150, RulePercents = new Dictionary<string, double> { ["birthday"] = -1 } },
        };

        var act = () => options.Validate();

        var errors = act.Should().Throw<PolicyOptionsException>().Which.Errors;
        errors.Should().HaveCount(11);
        errors.Should().Contain(e => e.StartsWith("StopConditions.EmailSunsetAfterUnengaged", System.StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("QuietHours.DefaultWindows[0] (Sms 21:00-08:00)", System.StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("QuietHours.UnknownZoneStart/UnknownZoneEnd", System.StringComparison.Ordinal))
            .And.Contain("Frequency.Caps[0]: safety touches bypass caps and cannot be capped.")
            .And.Contain(e => e.StartsWith("Frequency.Caps[1].MaxTouches", System.StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("Frequency.Caps[1].Window", System.StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("Frequency.TopicCooldowns['service.oil']", System.StringComparison.Ordinal))
            .And.Contain("Suppression.SuppressedClasses: safety touches cannot be suppressed.")
            .And.Contain(e => e.StartsWith("Arbitration.MaxNonSafetyTouchesPerDay", System.StringComparison.Ordinal))
            .And.Contain("Holdouts.GlobalPercent: must be between 0 and 100 (was 150).")
            .And.Contain(e => e.StartsWith("Holdouts.RulePercents['birthday']", System.StringComparison.Ordinal));
    }

    [Test]
    public void Validate_InvalidJurisdictionRow_NamesTheJurisdiction()
    {
        var table = JurisdictionRuleTable.Default.With(new JurisdictionRule
        {
            Code = "US-ZZ",
            BlackoutDays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday],
            ImpliedConsentFromPurchase = Period.FromDays(-3),
        });

        var errors = (PolicyOptions.Default with { Jurisdictions = table }).GetErrors();

        errors.Should().BeEquivalentTo(
            "Jurisdictions['US-ZZ'].BlackoutDays: every day of the week is a blackout day.",
            "Jurisdictions['US-ZZ'].ImpliedConsentFromPurchase: must be positive.");
    }

    [Test]
    public void Create_InvalidOptions_ThrowsBeforeAnyEvaluation()
    {
        var rules = RuleCompiler.Compile(new List<RuleDefinition>());
        var options = PolicyOptions.Default with { Arbitration = new ArbitrationOptions { MaxNonSafetyTouchesPerDay = -2 } };

        var act = () => EngagementEvaluator.Create(rules, new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)), options);

        act.Should().Throw<PolicyOptionsException>().WithMessage("*1 error(s)*MaxNonSafetyTouchesPerDay*");
    }

    [Test]
    public void Create_RulePercentsNamingUnknownRules_ReportsEachWithTheOtherErrors()
    {
        var rules = RuleCompiler.Compile([Rule("service-due-by-time"), Rule("birthday-greeting")]);
        var options = PolicyOptions.Default with
        {
            Arbitration = new ArbitrationOptions { MaxNonSafetyTouchesPerDay = 0 },
            Holdouts = new HoldoutOptions
            {
                RulePercents = new Dictionary<string, double> { ["service-due-by-tme"] = 50, ["birthday-greeting"] = 10, ["no-such-thing"] = 5 },
            },
        };

        var act = () => EngagementEvaluator.Create(rules, new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)), options);

        act.Should().Throw<PolicyOptionsException>().Which.Errors.Should().Equal(
            "Arbitration.MaxNonSafetyTouchesPerDay: must be at least 1 (was 0).",
            "Holdouts.RulePercents['no-such-thing']: no rule with this id.",
            "Holdouts.RulePercents['service-due-by-tme']: no rule with this id. Did you mean 'service-due-by-time'?");
    }

    [Test]
    public void Create_RulePercentsNamingCompiledRules_IsAccepted()
    {
        var rules = RuleCompiler.Compile([Rule("birthday-greeting")]);
        var options = PolicyOptions.Default with { Holdouts = new HoldoutOptions { RulePercents = new Dictionary<string, double> { ["birthday-greeting"] = 10 } } };

        EngagementEvaluator.Create(rules, new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)), options).Should().NotBeNull();
    }

    [Test]
    public void JurisdictionTable_DuplicateCode_IsRejected()
    {
        var act = () => new JurisdictionRuleTable([new JurisdictionRule { Code = "US" }, new JurisdictionRule { Code = "us" }]);

        act.Should().Throw<System.ArgumentException>().WithMessage("*two rules for 'us'*");
    }

    [Test]
    public void JurisdictionTable_Default_ShipsTcpaAndCaslData()
    {
        var us = JurisdictionRuleTable.Default.Find("US")!;
        var canada = JurisdictionRuleTable.Default.Find("CA")!;

        us.ExpressConsentChannels.Should().BeEquivalentTo([ContactChannel.Phone, ContactChannel.Sms]);
        us.ContactWindows.Should().Contain(new ContactWindow(ContactChannel.Sms, new LocalTime(8, 0), new LocalTime(21, 0)));
        canada.ImpliedConsentFromPurchase.Should().Be(Period.FromYears(2));
        canada.ImpliedConsentFromInquiry.Should().Be(Period.FromMonths(6));
    }

    [Test]
    public void Options_CollectionsAreCopied_SoTheHostCannotChangeThemAfterwards()
    {
        var caps = new List<FrequencyCap> { new(TouchClass.Marketing, 2, Duration.FromDays(7)) };
        var days = new List<IsoDayOfWeek> { IsoDayOfWeek.Sunday };
        var options = PolicyOptions.Default with
        {
            Frequency = new FrequencyOptions { Caps = caps },
            QuietHours = new QuietHoursOptions { BlackoutDays = days },
        };

        caps.Add(new FrequencyCap(TouchClass.Safety, 1, Duration.FromDays(1)));
        days.Add(IsoDayOfWeek.Monday);

        options.Frequency.Caps.Should().ContainSingle();
        options.QuietHours.BlackoutDays.Should().Equal(IsoDayOfWeek.Sunday);
        options.GetErrors().Should().BeEmpty();
    }

    [Test]
    public void ContactWindow_Equality_ComparesTheDays()
    {
        var a = new ContactWindow(ContactChannel.Sms, new LocalTime(9, 0), new LocalTime(20, 0), [IsoDayOfWeek.Monday]);
        var b = new ContactWindow(ContactChannel.Sms, new LocalTime(9, 0), new LocalTime(20, 0), new List<IsoDayOfWeek> { IsoDayOfWeek.Monday });
        var c = a with { Days = [IsoDayOfWeek.Tuesday] };

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(c);
    }

    [TestCaseSource(typeof(HostCulture), nameof(HostCulture.Unusual))]
    public void GetErrors_UnderAHostCulture_WritesDurationsAsTheInvariantCulture(string culture)
    {
        var options = PolicyOptions.Default with { Frequency = new FrequencyOptions { TopicCooldown = Duration.FromHours(-36) } };

        HostCulture.Run(culture, options.GetErrors).Should().Equal("Frequency.TopicCooldown: must not be negative (was -1:12:00:00).");
    }

    private static RuleDefinition Rule(string id) => new RuleBuilder(id).Match<Customer>("c").Action((IActionContext ctx) => ctx.Halt()).Build();

    [Test]
    public void PolicyOptionsException_ErrorsList_IsACopyOfTheCallers()
    {
        var errors = new List<string> { "Arbitration.MaxNonSafetyTouchesPerDay must be positive." };

        var exception = new PolicyOptionsException(errors);
        errors.Add("added later");

        exception.Errors.Should().Equal("Arbitration.MaxNonSafetyTouchesPerDay must be positive.");
        exception.Errors.Should().NotBeAssignableTo<List<string>>();
    }
}
