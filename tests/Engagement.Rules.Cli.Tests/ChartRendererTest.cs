using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Engagement.Rules.Cli.Forecasting;
using NodaTime;

namespace Engagement.Rules.Cli.Tests;

public sealed class ChartRendererTest
{
    private static readonly DailyVolume Volume = new([(new LocalDate(2026, 11, 24), 3), (new LocalDate(2026, 11, 25), 0), (new LocalDate(2026, 11, 26), 6)]);

    [Test]
    public void RenderPlain_Volume_IsWellFormedSvgWithOneBarPerDayScaledToTheMaximum()
    {
        var svg = XDocument.Parse(ChartRenderer.RenderPlain(Volume));

        var bars = svg.Descendants().Where(e => e.Name.LocalName == "rect").ToArray();
        bars.Should().HaveCount(3);
        var heights = bars.Select(b => double.Parse(b.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        heights[1].Should().Be(0);
        heights[2].Should().BeApproximately(2 * heights[0], 0.02);
    }

    [Test]
    public void Render_Volume_GivesInlineSvgWithoutXmlDeclaration()
    {
        var (svg, renderer) = ChartRenderer.Render(Volume);

        svg.Should().StartWith("<svg");
        renderer.Should().NotBeNullOrEmpty();
        Regex.IsMatch(svg, "<\\\\?xml").Should().BeFalse();
    }
}
