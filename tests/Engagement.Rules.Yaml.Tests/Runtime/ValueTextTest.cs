using CsCheck;
using Engagement.Rules.Yaml.Runtime;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Yaml.Tests.Runtime;

/// <summary>Dates and instants written digit by digit must read exactly as the NodaTime ISO patterns write them; durations are ISO.</summary>
public sealed class ValueTextTest
{
    [Test]
    public void Format_AnyIsoDate_SameAsIsoPattern()
    {
        Gen.Int[-4371222, 2932896].Sample(days =>
        {
            var date = new LocalDate(1970, 1, 1).PlusDays(days);
            ValueText.Format(date).Should().Be(LocalDatePattern.Iso.Format(date));
        });
    }

    [TestCase(0, 1, 1)]
    [TestCase(9, 2, 3)]
    [TestCase(999, 12, 31)]
    [TestCase(9999, 12, 31)]
    [TestCase(-1, 6, 15)]
    [TestCase(-9998, 1, 1)]
    public void Format_DateAtTheEdgesOfFourDigits_SameAsIsoPattern(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);

        ValueText.Format(date).Should().Be(LocalDatePattern.Iso.Format(date));
    }

    [Test]
    public void Format_DateInAnotherCalendar_SameAsIsoPattern()
    {
        var date = new LocalDate(2026, 11, 24, CalendarSystem.Julian);

        ValueText.Format(date).Should().Be(LocalDatePattern.Iso.Format(date));
    }

    [Test]
    public void Format_AnyInstant_SameAsExtendedIsoPattern()
    {
        Gen.Long[Instant.MinValue.ToUnixTimeTicks(), Instant.MaxValue.ToUnixTimeTicks()].Select(Gen.Bool).Sample((ticks, wholeSecond) =>
        {
            var instant = Instant.FromUnixTimeTicks(wholeSecond ? ticks - (ticks % NodaConstants.TicksPerSecond) : ticks);
            ValueText.Format(instant).Should().Be(InstantPattern.ExtendedIso.Format(instant));
        });
    }

    [Test]
    public void Format_InstantsAtTheEdges_SameAsExtendedIsoPattern()
    {
        Instant[] instants =
        [
            Instant.FromUtc(0, 1, 1, 0, 0),
            Instant.FromUtc(9999, 12, 31, 23, 59, 59),
            Instant.FromUtc(2026, 11, 24, 15, 0),
            Instant.FromUtc(2026, 11, 24, 15, 0) + Duration.FromMilliseconds(5),
            Instant.FromUtc(-1, 12, 31, 23, 59, 59),
            Instant.MinValue,
            Instant.MaxValue,
        ];

        foreach (var instant in instants)
        {
            ValueText.Format(instant).Should().Be(InstantPattern.ExtendedIso.Format(instant));
        }
    }

    [TestCase(3, 0, 0, 0, "PT3H")]
    [TestCase(0, 90, 0, 0, "PT1H30M")]
    [TestCase(72, 0, 0, 0, "P3D")]
    [TestCase(27, 30, 15, 0, "P1DT3H30M15S")]
    [TestCase(0, 0, 1, 500, "PT1.5S")]
    [TestCase(0, 0, 0, -500, "PT-0.5S")]
    [TestCase(-26, -1, 0, 0, "P-1DT-2H-1M")]
    [TestCase(0, 0, 0, 0, "P0D")]
    public void Format_Duration_IsoText(int hours, int minutes, int seconds, int milliseconds, string expected)
    {
        var duration = Duration.FromHours(hours) + Duration.FromMinutes(minutes) + Duration.FromSeconds(seconds) + Duration.FromMilliseconds(milliseconds);

        ValueText.Format(duration).Should().Be(expected);
        ValueText.FormatValue(duration).Should().Be(expected);
    }

    [Test]
    public void Format_DurationsAtTheEdges_IsoText()
    {
        ValueText.Format(Duration.MaxValue).Should().Be("P16777215DT23H59M59.999999999S");
        ValueText.Format(Duration.MinValue).Should().Be("P-16777216D");
        ValueText.Format(Duration.Epsilon).Should().Be("PT0.000000001S");
    }

    [Test]
    public void Format_AnyDurationWithinNodaTimesPeriodRange_TheTextNodaTimesIsoPatternWritesAndReadsBack()
    {
        // NodaTime normalizes a period through a nanosecond count (a long), so it can compare only within ~292 years.
        Gen.Int[-100_000, 100_000].Select(Gen.Long[0, NodaConstants.NanosecondsPerDay - 1]).Sample((days, nanoseconds) =>
        {
            var duration = Duration.FromDays(days) + Duration.FromNanoseconds(nanoseconds);
            var text = ValueText.Format(duration);
            text.Should().Be(PeriodPattern.NormalizingIso.Format(Period.FromNanoseconds(duration.ToInt64Nanoseconds())));
            PeriodPattern.NormalizingIso.Parse(text).Value.ToDuration().Should().Be(duration, text);
        });
    }

    [Test]
    public void FormatValue_AnyValueOfTheUnboxedTypes_SameAsFormat()
    {
        Gen.Int.Sample(v => ValueText.FormatValue(v).Should().Be(ValueText.Format(v)));
        Gen.Long.Sample(v => ValueText.FormatValue(v).Should().Be(ValueText.Format(v)));
        Gen.Decimal.Sample(v => ValueText.FormatValue(v).Should().Be(ValueText.Format(v)));
        Gen.Double.Sample(v => ValueText.FormatValue(v).Should().Be(ValueText.Format(v)));
        Gen.Int[-4371222, 2932896].Sample(days =>
        {
            var date = new LocalDate(1970, 1, 1).PlusDays(days);
            ValueText.FormatValue(date).Should().Be(ValueText.Format(date));
        });
        Gen.Long[Instant.MinValue.ToUnixTimeTicks(), Instant.MaxValue.ToUnixTimeTicks()].Sample(ticks =>
        {
            var instant = Instant.FromUnixTimeTicks(ticks);
            ValueText.FormatValue(instant).Should().Be(ValueText.Format(instant));
        });
    }

    [Test]
    public void FormatValue_OtherValueTypes_SameAsFormat()
    {
        ValueText.FormatValue(true).Should().Be("true");
        ValueText.FormatValue(false).Should().Be("false");
        ValueText.FormatValue(new LocalDate(2026, 11, 24, CalendarSystem.Julian)).Should().Be(ValueText.Format(new LocalDate(2026, 11, 24, CalendarSystem.Julian)));
        ValueText.FormatValue(System.DayOfWeek.Tuesday).Should().Be("Tuesday");
        ValueText.FormatValue((int?)null).Should().BeEmpty();
        ValueText.FormatValue((int?)42).Should().Be("42");
        ValueText.FormatValue(new LocalTime(7, 30)).Should().Be(ValueText.Format(new LocalTime(7, 30)));
        ValueText.FormatValue(1.5f).Should().Be(ValueText.Format(1.5f));
    }
}
