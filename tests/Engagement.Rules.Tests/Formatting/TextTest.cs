using System;
using Engagement.Rules.Formatting;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Tests.Formatting;

public sealed class TextTest
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    [Test]
    public void Formats_RandomValues_MatchTheNodaTimePatterns()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 2_000; i++)
        {
            // Whole minutes and seconds mostly; some sub-second instants and years outside 0-9999.
            var ticks = random.Next(4) switch
            {
                0 => random.NextInt64(Instant.MinValue.ToUnixTimeTicks(), Instant.MaxValue.ToUnixTimeTicks()),
                1 => random.NextInt64(-62_135_596_800L * 10_000_000, 253_402_300_799L * 10_000_000),
                _ => random.NextInt64(0, 4_000_000_000L) * 10_000_000,
            };
            var instant = Instant.FromUnixTimeTicks(ticks);
            var local = instant.InUtc().LocalDateTime;

            IsoText.Instant(instant).Should().Be(InstantPattern.ExtendedIso.Format(instant));
            IsoText.Date(local.Date).Should().Be(LocalDatePattern.Iso.Format(local.Date));
            Text.Local(local).Should().Be(LocalPattern.Format(local));
            $"[{TextValue.Instant(instant)}|{TextValue.Date(local.Date)}|{TextValue.Local(local)}|{TextValue.Local(instant, DateTimeZone.Utc)}]"
                .Should().Be($"[{IsoText.Instant(instant)}|{IsoText.Date(local.Date)}|{Text.Local(local)}|{Text.Local(local)}]");
        }
    }

    [Test]
    public void TextValueTryFormat_BufferTooSmall_WritesNothing()
    {
        var value = TextValue.Local(new LocalDateTime(2026, 11, 24, 9, 5));
        Span<char> small = stackalloc char[15];
        Span<char> enough = stackalloc char[16];

        value.TryFormat(small, out var none, default, null).Should().BeFalse();
        none.Should().Be(0);
        value.TryFormat(enough, out var written, default, null).Should().BeTrue();
        enough[..written].ToString().Should().Be("2026-11-24 09:05");
    }

    [Test]
    public void Date_NonIsoCalendar_UsesThePattern()
    {
        var date = new LocalDate(2026, 11, 24).WithCalendar(CalendarSystem.Julian);

        IsoText.Date(date).Should().Be(LocalDatePattern.Iso.Format(date));
    }
}
