//! Country outlines for the tier map: the committed geometry file decoded once, the Equal
//! Earth projection, antimeridian cutting and plane-polygon helpers. Everything is pure
//! arithmetic on `(f64, f64)` pairs so it can be tested natively.
//!
//! The geometry (`data/geometry/countries.txt`, built by `scripts/make-map.mjs`) stores outer
//! rings only, on a grid of longitude/latitude steps; its header documents the encoding.

use std::sync::OnceLock;

/// The committed outlines (see `data/geometry/PROVENANCE.md`).
pub const GEOMETRY: &str = include_str!("../../data/geometry/countries.txt");

/// A point as (longitude, latitude) in degrees, or (x, y) on a plane.
pub type Point = (f64, f64);

/// One country's outline in longitude/latitude, already cut at the antimeridian.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// ISO alpha-3, as `countries.csv` spells it.
    pub id: String,
    /// Closed implicitly (the last point is not repeated); every ring has at least 3 points.
    pub rings: Vec<Vec<Point>>,
    /// Where a marker or tooltip goes: the centroid of the largest ring, or the single point
    /// the file gives for a country too small for its grid.
    pub anchor: Point,
}

/// Decodes the geometry text. Errors name the line.
pub fn decode(text: &str) -> Result<Vec<Shape>, String> {
    let mut grid = None;
    let mut shapes = Vec::new();
    // Every ring so far in grid steps, for the references later rings make to them.
    let mut written: Vec<Vec<(i64, i64)>> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(value) = comment.split_whitespace().find_map(|w| w.strip_prefix("grid=")) {
                grid = Some(parse_decimal(value).ok_or_else(|| format!("line {line_no}: grid: {value} is not a short decimal"))?);
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        let grid = grid.ok_or_else(|| format!("line {line_no}: no grid= in the header"))?;
        let mut parts = line.split(';');
        let id = parts.next().unwrap_or_default().to_owned();
        if id.len() != 3 || !id.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!("line {line_no}: \"{id}\" is not an alpha-3 id"));
        }
        let mut rings = Vec::new();
        let mut single = None;
        for encoded in parts {
            let points = decode_ring(encoded, &written).map_err(|e| format!("line {line_no} ({id}): {e}"))?;
            if points.is_empty() {
                return Err(format!("line {line_no} ({id}): a ring needs whole points"));
            }
            let ring: Vec<Point> = points.iter().map(|&(x, y)| (x as f64 * grid - 180.0, y as f64 * grid - 90.0)).collect();
            written.push(points);
            if ring.len() == 1 {
                single = Some(ring[0]);
            } else if ring.len() < 3 {
                return Err(format!("line {line_no} ({id}): a ring of {} points", ring.len()));
            } else {
                rings.extend(cut_at_antimeridian(&ring));
            }
        }
        let largest = rings.iter().max_by(|a, b| area(a).total_cmp(&area(b)));
        let anchor = match (largest, single) {
            (Some(ring), _) => centroid(ring),
            (None, Some(point)) => point,
            (None, None) => return Err(format!("line {line_no} ({id}): no rings")),
        };
        shapes.push(Shape { id, rings, anchor });
    }
    Ok(shapes)
}

/// A short decimal such as `0.05`, exactly as `str::parse::<f64>` reads it: with at most 15
/// digits and 22 decimals, digits / 10^decimals is one correctly rounded division of two
/// exact floats. Written out so the wasm needs no float parser (17 KB with its tables).
fn parse_decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = whole.len() + fraction.len();
    if digits == 0 || digits > 15 || fraction.len() > 22 || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mantissa = whole.bytes().chain(fraction.bytes()).fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    Some(mantissa as f64 / 10f64.powi(fraction.len() as i32))
}

/// One ring's points in grid steps (format in the file's header): differences from the
/// previous point, and `!` references to runs of an earlier ring's points.
fn decode_ring(encoded: &str, earlier: &[Vec<(i64, i64)>]) -> Result<Vec<(i64, i64)>, String> {
    let mut bytes = encoded.bytes().peekable();
    let mut points = Vec::new();
    let (mut x, mut y) = (0i64, 0i64);
    while let Some(&byte) = bytes.peek() {
        if byte == b'!' {
            bytes.next();
            let (ring, start, count) = (next_number(&mut bytes)?, next_number(&mut bytes)?, next_number(&mut bytes)?);
            let from = usize::try_from(ring).ok().and_then(|r| earlier.get(r)).ok_or_else(|| format!("no earlier ring {ring}"))?;
            let len = from.len() as i64;
            if !(0..len).contains(&start) || count == 0 || count.abs() > len {
                return Err(format!("points {start}, {count} are not in ring {ring}"));
            }
            points.extend((0..count.abs()).map(|k| from[(start + k * count.signum()).rem_euclid(len) as usize]));
            (x, y) = from[(start + (count.abs() - 1) * count.signum()).rem_euclid(len) as usize];
        } else {
            x += next_number(&mut bytes)?;
            y += next_number(&mut bytes)?;
            points.push((x, y));
        }
    }
    Ok(points)
}

/// One self-delimiting number (format in the file's header).
fn next_number(bytes: &mut impl Iterator<Item = u8>) -> Result<i64, String> {
    let (mut value, mut shift) = (0i64, 0u32);
    for byte in bytes {
        if !(63..=126).contains(&byte) || shift > 50 {
            return Err(format!("bad character '{}'", byte as char));
        }
        let bits = (byte - 63) as i64;
        value |= (bits & 31) << shift;
        if bits & 32 == 0 {
            return Ok(if value & 1 == 1 { -(value + 1) / 2 } else { value / 2 });
        }
        shift += 5;
    }
    Err("a number runs past the end of its ring".into())
}

/// The committed geometry, decoded on first use, by id.
pub fn shapes() -> &'static [Shape] {
    static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
    // The errors are printed with Display, here and in `decode`: Debug's string escaping
    // would bring Unicode tables into the wasm.
    SHAPES.get_or_init(|| {
        let mut shapes = decode(GEOMETRY).unwrap_or_else(|e| panic!("data/geometry/countries.txt decodes (tested): {e}"));
        crate::sort::sort_by(&mut shapes, |a, b| a.id.cmp(&b.id));
        shapes
    })
}

/// Where `id` is in [`shapes`].
pub fn shape_index(id: &str) -> Option<usize> {
    shapes().binary_search_by(|s| s.id.as_str().cmp(id)).ok()
}

pub fn shape(id: &str) -> Option<&'static Shape> {
    shape_index(id).map(|i| &shapes()[i])
}

/// A longitude/latitude ring split into rings that each stay within [-180, 180]. A ring that
/// steps across the antimeridian (a longitude jump of more than 180°) is first made
/// continuous, then clipped once per 360° window it reaches, each piece shifted back, so no
/// edge runs the long way round the map. Rings around a pole are not handled (the dataset's
/// countries have none: Antarctica is not one of them).
pub fn cut_at_antimeridian(ring: &[Point]) -> Vec<Vec<Point>> {
    if ring.len() < 3 {
        return Vec::new();
    }
    let mut unwrapped: Vec<Point> = Vec::with_capacity(ring.len());
    let mut offset = 0.0;
    for (i, &(lon, lat)) in ring.iter().enumerate() {
        if i > 0 {
            let step = lon + offset - unwrapped[i - 1].0;
            if step > 180.0 {
                offset -= 360.0;
            } else if step < -180.0 {
                offset += 360.0;
            }
        }
        unwrapped.push((lon + offset, lat));
    }
    let min = unwrapped.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let max = unwrapped.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    if min >= -180.0 && max <= 180.0 {
        return vec![unwrapped];
    }
    let mut pieces = Vec::new();
    // Window k covers [-180 + 360k, 180 + 360k]; its piece is shifted by -360k.
    let first = ((min + 180.0) / 360.0).floor() as i64;
    let last = ((max - 180.0) / 360.0).ceil() as i64;
    for k in first..=last {
        let shift = 360.0 * k as f64;
        let (west, east) = (-180.0 + shift, 180.0 + shift);
        let clipped = clip_x(&clip_x(&unwrapped, west, true), east, false);
        let piece: Vec<Point> = clipped.into_iter().map(|(x, y)| (x - shift, y)).collect();
        if piece.len() >= 3 && area(&piece) > 0.0 {
            pieces.push(piece);
        }
    }
    pieces
}

/// Sutherland–Hodgman against one vertical line: keeps x >= `at` when `keep_east`, else x <= `at`.
fn clip_x(ring: &[Point], at: f64, keep_east: bool) -> Vec<Point> {
    let inside = |p: &Point| if keep_east { p.0 >= at } else { p.0 <= at };
    let mut out = Vec::with_capacity(ring.len() + 4);
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
        let crossing = || {
            let t = (at - a.0) / (b.0 - a.0);
            (at, a.1 + t * (b.1 - a.1))
        };
        match (inside(&a), inside(&b)) {
            (true, true) => out.push(b),
            (true, false) => out.push(crossing()),
            (false, true) => {
                out.push(crossing());
                out.push(b);
            }
            (false, false) => {}
        }
    }
    out
}

/// Equal Earth (Šavrič, Patterson & Jenny 2018), unit sphere: longitude/latitude in degrees
/// to x east, y north. The full map spans x ±2.7066 and y ±1.3173.
pub fn equal_earth((lon, lat): Point) -> Point {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    let m = 3f64.sqrt() / 2.0;
    let (lambda, phi) = (lon.to_radians(), lat.to_radians());
    let sin_theta = m * phi.sin();
    let theta = sin_theta.asin();
    // cos θ from sin θ: θ is within ±60°, where cos θ ≥ 1/2, so no sign or precision is lost.
    let cos_theta = (1.0 - sin_theta * sin_theta).sqrt();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * cos_theta / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Signed shoelace area; positive when counter-clockwise with y up.
pub fn signed_area(ring: &[Point]) -> f64 {
    let n = ring.len();
    (0..n).map(|i| ring[i].0 * ring[(i + 1) % n].1 - ring[(i + 1) % n].0 * ring[i].1).sum::<f64>() / 2.0
}

pub fn area(ring: &[Point]) -> f64 {
    signed_area(ring).abs()
}

/// The area centroid; the mean of the points for a ring without area.
pub fn centroid(ring: &[Point]) -> Point {
    let n = ring.len();
    let a = signed_area(ring);
    if n == 0 {
        return (0.0, 0.0);
    }
    if a.abs() < 1e-12 {
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        return (sx / n as f64, sy / n as f64);
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..n {
        let (p, q) = (ring[i], ring[(i + 1) % n]);
        let cross = p.0 * q.1 - q.0 * p.1;
        cx += (p.0 + q.0) * cross;
        cy += (p.1 + q.1) * cross;
    }
    (cx / (6.0 * a), cy / (6.0 * a))
}

/// Even–odd point-in-polygon over several rings.
pub fn contains(rings: &[Vec<Point>], (x, y): Point) -> bool {
    let mut inside = false;
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + n - 1) % n]);
            if (a.1 > y) != (b.1 > y) && x < (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0 {
                inside = !inside;
            }
        }
    }
    inside
}

/// Axis-aligned bounds `[min_x, min_y, max_x, max_y]` of some rings; `None` when empty.
pub fn bounds<'a>(rings: impl IntoIterator<Item = &'a Vec<Point>>) -> Option<[f64; 4]> {
    let mut b: Option<[f64; 4]> = None;
    for p in rings.into_iter().flatten() {
        b = Some(match b {
            None => [p.0, p.1, p.0, p.1],
            Some([x0, y0, x1, y1]) => [x0.min(p.0), y0.min(p.1), x1.max(p.0), y1.max(p.1)],
        });
    }
    b
}

/// Where lines of a hatch cross the rings (even–odd): segments of the parallel lines at
/// `angle_deg` from the x axis, `spacing` apart, that lie inside. `phase` shifts the lines.
/// Line k lies at `k × spacing + phase` from the origin, so neighbouring shapes hatched alike
/// continue each other's lines.
pub fn hatch(rings: &[Vec<Point>], angle_deg: f64, spacing: f64, phase: f64) -> Vec<[Point; 2]> {
    let mut segments = Vec::new();
    if spacing <= 0.0 || !spacing.is_finite() || rings.is_empty() {
        return segments;
    }
    let (s, c) = angle_deg.to_radians().sin_cos();
    // Rotate so the lines are horizontal: v = -x sin + y cos is constant along a line.
    let rotate = |p: &Point| (p.0 * c + p.1 * s, -p.0 * s + p.1 * c);
    let back = |(u, v): Point| (u * c - v * s, u * s + v * c);
    let line_v = |k: i64| k as f64 * spacing + phase;
    // Each edge adds its crossing with every line whose v is in [low, high): a walk over the
    // edges, where testing every edge against every line cost a fifth of a map's layout.
    let mut crossings: Vec<(i64, f64)> = Vec::new();
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (rotate(&ring[i]), rotate(&ring[(i + 1) % n]));
            let (low, high) = if a.1 < b.1 { (a.1, b.1) } else { (b.1, a.1) };
            if !(low < high) {
                continue;
            }
            let mut k = ((low - phase) / spacing).ceil() as i64 - 1;
            while line_v(k) < high {
                let v = line_v(k);
                if v >= low {
                    crossings.push((k, a.0 + (v - a.1) / (b.1 - a.1) * (b.0 - a.0)));
                }
                k += 1;
            }
        }
    }
    crate::sort::sort_by(&mut crossings, |p, q| p.0.cmp(&q.0).then(p.1.total_cmp(&q.1)));
    for line in crossings.chunk_by(|p, q| p.0 == q.0) {
        let v = line_v(line[0].0);
        for pair in line.chunks_exact(2) {
            segments.push([back((pair[0].1, v)), back((pair[1].1, v))]);
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point, tolerance: f64) -> bool {
        (a.0 - b.0).abs() <= tolerance && (a.1 - b.1).abs() <= tolerance
    }

    #[test]
    fn short_decimals_read_as_the_float_parser_reads_them() {
        for text in ["0.05", "0.1", "0.3", "1", "12.5", "0.000001", "123456789.012345", "7.", ".7", "0.00000000000001"] {
            assert_eq!(parse_decimal(text), Some(text.parse::<f64>().unwrap()), "{text}");
        }
        for text in ["", ".", "-1", "1e3", "0.05 ", "1.2.3", "1234567890123456"] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn equal_earth_maps_known_points() {
        assert!(close(equal_earth((0.0, 0.0)), (0.0, 0.0), 1e-12));
        // The ends of the equator and the poles (values of the published formula).
        assert!(close(equal_earth((180.0, 0.0)), (2.70663, 0.0), 1e-4), "{:?}", equal_earth((180.0, 0.0)));
        assert!(close(equal_earth((0.0, 90.0)), (0.0, 1.31731), 1e-4), "{:?}", equal_earth((0.0, 90.0)));
        let (x, y) = equal_earth((-180.0, -90.0));
        // The poles are lines (half the equator's length), not points.
        assert!((y + 1.31731).abs() < 1e-4 && (x / -2.70663 - 0.5).abs() < 0.1, "{x} {y}");
        // Equal area: a 10° cell at the equator and one at 60°N have the same projected area.
        let cell = |lat: f64| {
            let ring: Vec<Point> =
                [(0.0, lat), (10.0, lat), (10.0, lat + 10.0), (0.0, lat + 10.0)].into_iter().map(equal_earth).collect();
            area(&ring)
        };
        let exact = |lat: f64| {
            // Area on the unit sphere of the same cell: Δλ (sin φ2 - sin φ1).
            10f64.to_radians() * ((lat + 10.0).to_radians().sin() - lat.to_radians().sin())
        };
        for lat in [0.0, 30.0, 60.0] {
            // Straight edges under-count the curved ones slightly; 1% is plenty to tell.
            assert!((cell(lat) / exact(lat) - 1.0).abs() < 0.01, "{lat}: {} vs {}", cell(lat), exact(lat));
        }
        // Symmetric about both axes.
        let (a, b) = (equal_earth((35.0, 40.0)), equal_earth((-35.0, -40.0)));
        assert!(close(a, (-b.0, -b.1), 1e-12));
    }

    #[test]
    fn rings_that_do_not_cross_are_kept_whole() {
        let ring = vec![(10.0, 0.0), (20.0, 0.0), (20.0, 10.0)];
        assert_eq!(cut_at_antimeridian(&ring), vec![ring.clone()]);
        // Touching ±180 is not crossing.
        let edge = vec![(170.0, 60.0), (180.0, 60.0), (180.0, 70.0), (170.0, 70.0)];
        assert_eq!(cut_at_antimeridian(&edge).len(), 1);
    }

    #[test]
    fn a_ring_across_the_antimeridian_is_cut_into_two_that_stay_on_the_map() {
        // A square from 170°E to 170°W, written as the data does (longitudes in [-180, 180]).
        let ring = vec![(170.0, -10.0), (-170.0, -10.0), (-170.0, 10.0), (170.0, 10.0)];
        let pieces = cut_at_antimeridian(&ring);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        let mut spans: Vec<(f64, f64)> = pieces
            .iter()
            .map(|p| {
                let b = bounds([p]).unwrap();
                (b[0], b[2])
            })
            .collect();
        crate::sort::sort_by(&mut spans, |a, b| a.0.total_cmp(&b.0));
        assert_eq!(spans, vec![(-180.0, -170.0), (170.0, 180.0)]);
        // Nothing is lost: the pieces' area is the square's.
        let total: f64 = pieces.iter().map(|p| area(p)).sum();
        assert!((total - 400.0).abs() < 1e-9, "{total}");
        // No projected edge runs across the map.
        for piece in &pieces {
            let projected: Vec<Point> = piece.iter().copied().map(equal_earth).collect();
            for i in 0..projected.len() {
                let (a, b) = (projected[i], projected[(i + 1) % projected.len()]);
                assert!((a.0 - b.0).abs() < 1.0, "{a:?} → {b:?}");
            }
        }
    }

    #[test]
    fn a_concave_ring_starting_east_is_cut_too() {
        // A "U" open to the north, crossing twice, starting on the western side.
        let ring =
            vec![(-175.0, 0.0), (175.0, 0.0), (175.0, 10.0), (178.0, 10.0), (178.0, 2.0), (-178.0, 2.0), (-178.0, 10.0), (-175.0, 10.0)];
        let pieces = cut_at_antimeridian(&ring);
        assert!(pieces.len() >= 2);
        for piece in &pieces {
            assert!(piece.iter().all(|p| (-180.0..=180.0).contains(&p.0)), "{piece:?}");
        }
        let total: f64 = pieces.iter().map(|p| area(p)).sum();
        assert!((total - (10.0 * 10.0 - 4.0 * 8.0)).abs() < 1e-9, "{total}");
    }

    #[test]
    fn the_committed_geometry_decodes_with_every_dataset_country() {
        let shapes = shapes();
        let dataset = crate::data::dataset();
        for country in &dataset.countries {
            assert!(shape(&country.id).is_some(), "{} has no outline", country.id);
        }
        assert_eq!(shapes.len(), dataset.countries.len());
        for shape in shapes {
            assert!(!shape.rings.is_empty(), "{}", shape.id);
            for ring in &shape.rings {
                assert!(ring.len() >= 3 && area(ring) > 0.0, "{}", shape.id);
                assert!(ring.iter().all(|p| (-180.0..=180.0).contains(&p.0) && (-90.0..=90.0).contains(&p.1)));
                // Implicitly closed: the file never repeats the first point at the end.
                assert_ne!(ring.first(), ring.last(), "{}", shape.id);
            }
        }
        // Russia and Fiji cross the antimeridian in the source; after cutting they reach both edges.
        for id in ["RUS", "FJI"] {
            let b = bounds(&shape(id).unwrap().rings).unwrap();
            assert!(b[0] <= -179.9 && b[2] >= 179.9, "{id}: {b:?}");
        }
        // Anchors are where the countries are.
        let near = |id: &str, p: Point| close(shape(id).unwrap().anchor, p, 3.0);
        assert!(near("BRA", (-53.0, -10.0)), "{:?}", shape("BRA").unwrap().anchor);
        assert!(near("MAC", (113.55, 22.16)), "{:?}", shape("MAC").unwrap().anchor);
        assert!(near("MLT", (14.4, 35.9)), "{:?}", shape("MLT").unwrap().anchor);
    }

    #[test]
    fn a_reference_repeats_an_earlier_rings_points() {
        // AAA: (1,0) (2,0) (2,1); BBB: three of AAA's points backwards from index 2, then (3,1).
        let shapes = decode("# grid=1\nAAA;A?A??A\nBBB;!?CDCA").unwrap();
        let at = |x: f64, y: f64| (x - 180.0, y - 90.0);
        assert_eq!(shapes[1].rings, vec![vec![at(2.0, 1.0), at(2.0, 0.0), at(1.0, 0.0), at(3.0, 1.0)]]);
    }

    #[test]
    fn decode_rejects_damage() {
        assert!(decode("ABW;??").is_err(), "no header");
        assert!(decode("# grid=0.05\nABW;?").is_err(), "half a point");
        assert!(decode("# grid=0.05\nABW;_").is_err(), "unfinished number");
        assert!(decode("# grid=0.05\nabc;????").is_err(), "bad id");
        assert!(decode("# grid=1\nAAA;A?A??A\nBBB;!A?C").is_err(), "a ring not written yet");
        assert!(decode("# grid=1\nAAA;A?A??A\nBBB;!?CK").is_err(), "more points than the ring has");
        let one = decode("# grid=0.05\nMCO;E?").unwrap();
        assert_eq!(one[0].rings.len(), 0);
        assert!(close(one[0].anchor, (-180.0 + 0.15, -90.0), 1e-9));
    }

    #[test]
    fn even_odd_containment_and_hatching() {
        let square = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let hole = vec![(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0)];
        let rings = vec![square.clone(), hole];
        assert!(contains(&rings, (2.0, 2.0)));
        assert!(!contains(&rings, (5.0, 5.0)));
        assert!(!contains(&rings, (12.0, 5.0)));
        let lines = hatch(&[square.clone()], 0.0, 2.0, 1.0);
        assert_eq!(lines.len(), 5);
        for [a, b] in &lines {
            assert!((a.0 - 0.0).abs() < 1e-9 && (b.0 - 10.0).abs() < 1e-9);
        }
        // A neighbour hatched on its own continues the same lines (they sit on a fixed grid).
        let neighbour: Vec<Point> = square.iter().map(|p| (p.0 + 10.0, p.1 + 3.5)).collect();
        let heights = |lines: &[[Point; 2]]| lines.iter().map(|[a, _]| a.1).collect::<Vec<f64>>();
        assert_eq!(heights(&lines), [1.0, 3.0, 5.0, 7.0, 9.0]);
        assert_eq!(heights(&hatch(&[neighbour], 0.0, 2.0, 1.0)), [5.0, 7.0, 9.0, 11.0, 13.0]);
        let diagonal = hatch(&rings, 45.0, 1.5, 0.0);
        for [a, b] in &diagonal {
            let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            assert!(contains(&rings, mid) || (a.0 - b.0).abs() < 1e-9, "{a:?} {b:?}");
        }
    }
}
