"""Build figures/data/region.json, the shapes of West and North Africa that the portal's map draws.

Run once, by hand, when the map should change; the output is committed, so neither `make run`
nor `make test` needs this script, npm or a network connection:

    python scripts/build_map.py                      # fetches world-atlas with `npm pack`
    python scripts/build_map.py --atlas path/to/countries-50m.json

The shapes are Natural Earth's 1:50m countries (public domain) as the npm package `world-atlas`
ships them (TopoJSON). Each country inside the region is decoded, clipped to the region's
rectangle, projected (equirectangular, true to scale at the region's middle latitude),
simplified (Douglas-Peucker) and written as a compact SVG path in the map's own coordinates.
"""

import argparse
import json
import math
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "figures" / "data" / "region.json"
ATLAS_PACKAGE = "world-atlas@2.0.2"

# The region: from the Atlantic off Senegal to Niger, from the Gulf of Guinea to southern Spain.
WEST, EAST, SOUTH, NORTH = -19.0, 8.0, 3.6, 37.2
WIDTH = 500  # map units; the height follows from the projection
TOLERANCE = 0.45  # simplification, in map units
# ISO 3166 numeric (world-atlas ids) to alpha-2, for the countries the portal names.
PORTAL_COUNTRIES = {"504": "MA", "384": "CI", "466": "ML", "686": "SN"}
# Western Sahara, a non-self-governing territory (United Nations), is drawn apart from every
# country with a dashed outline. world-atlas joins its western part to Morocco: that part, south
# of Morocco's border on the parallel 27°40' N, is cut off Morocco and drawn with it.
DISPUTED = {"732"}
MOROCCO = "504"
MOROCCO_SOUTH = 27 + 40 / 60


def atlas_path(given: str | None) -> Path:
    """The countries-50m.json file, from the path given or from `npm pack` into a temporary folder."""
    if given:
        return Path(given)
    folder = Path(tempfile.mkdtemp(prefix="world-atlas-"))
    subprocess.run(["npm", "pack", ATLAS_PACKAGE, "--silent"], cwd=folder, check=True)
    archive = next(folder.glob("world-atlas-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extract("package/countries-50m.json", folder, filter="data")
    return folder / "package" / "countries-50m.json"


def decode_arcs(topology) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes) -> list[tuple[float, float]]:
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry, arcs) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    return [[ring(arcs, indexes) for indexes in part] for part in parts]


def clip(points, inside, intersect):
    """One Sutherland-Hodgman pass of a closed ring against one edge of the rectangle."""
    result = []
    for i, current in enumerate(points):
        previous = points[i - 1]
        if inside(current):
            if not inside(previous):
                result.append(intersect(previous, current))
            result.append(current)
        elif inside(previous):
            result.append(intersect(previous, current))
    return result


def clip_to_region(points, south=SOUTH, north=NORTH):
    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    for inside, intersect in (
        (lambda p: p[0] >= WEST, at_x(WEST)),
        (lambda p: p[0] <= EAST, at_x(EAST)),
        (lambda p: p[1] >= south, at_y(south)),
        (lambda p: p[1] <= north, at_y(north)),
    ):
        if not points:
            return []
        points = clip(points, inside, intersect)
    return points


SCALE = WIDTH / ((EAST - WEST) * math.cos(math.radians((NORTH + SOUTH) / 2)))
HEIGHT = round((NORTH - SOUTH) * SCALE)


def project(point):
    longitude, latitude = point
    x = (longitude - WEST) * SCALE * math.cos(math.radians((NORTH + SOUTH) / 2))
    return (x, (NORTH - latitude) * SCALE)


def simplify(points, tolerance):
    """Douglas-Peucker on an open polyline."""
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    length = math.hypot(bx - ax, by - ay) or 1e-9
    farthest, distance = 0, -1.0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
        if d > distance:
            farthest, distance = i, d
    if distance <= tolerance:
        return [points[0], points[-1]]
    left = simplify(points[: farthest + 1], tolerance)
    return left[:-1] + simplify(points[farthest:], tolerance)


def simplify_ring(points, tolerance):
    # Split the ring at its farthest point from the start so both halves are open lines.
    start = points[0]
    far = max(range(len(points)), key=lambda i: math.dist(start, points[i]))
    return simplify(points[: far + 1], tolerance)[:-1] + simplify(points[far:] + [start], tolerance)


def area(points):
    return (
        sum(
            x0 * y1 - x1 * y0
            for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True)
        )
        / 2
    )


def centroid(points):
    a = area(points)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return (round(cx / (6 * a), 1), round(cy / (6 * a), 1))


def path(rings) -> str:
    """An SVG path in whole map units and relative moves, the shortest text that reads well."""
    parts = []
    for points in rings:
        rounded = [(round(x), round(y)) for x, y in points]
        deduplicated = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
        if len(deduplicated) < 3:
            continue
        x, y = deduplicated[0]
        steps = [f"M{x} {y}"]
        moves = []
        for nx, ny in deduplicated[1:]:
            moves.append(f"{nx - x} {ny - y}")
            x, y = nx, ny
        steps.append("l" + " ".join(moves).replace(" -", "-"))
        parts.append("".join(steps) + "z")
    return "".join(parts)


def shape_rings(geometry, arcs, south, north):
    """The geometry's rings inside the region (between `south` and `north`), projected."""
    rings = []
    for polygon in polygons(geometry, arcs):
        for points in polygon:
            clipped = clip_to_region(points, south, north)
            if len(clipped) < 3:
                continue
            projected = simplify_ring([project(p) for p in clipped], TOLERANCE)
            if abs(area(projected)) >= 4:  # leave out islets under two map units square
                rings.append(projected)
    return rings


def build(atlas: Path) -> dict:
    topology = json.loads(atlas.read_text())
    arcs = decode_arcs(topology)
    countries, others, disputed = {}, [], []
    for geometry in topology["objects"]["countries"]["geometries"]:
        bands = [(SOUTH, NORTH)]
        if geometry.get("id") == MOROCCO:
            bands = [(MOROCCO_SOUTH, NORTH), (SOUTH, MOROCCO_SOUTH)]
        for band, (south, north) in enumerate(bands):
            rings = shape_rings(geometry, arcs, south, north)
            if not rings:
                continue
            shape = {"name": geometry["properties"]["name"], "d": path(rings)}
            code = PORTAL_COUNTRIES.get(geometry.get("id"))
            if code and band == 0:
                largest = max(rings, key=lambda points: abs(area(points)))
                countries[code] = {**shape, "centre": centroid(largest)}
            elif geometry.get("id") in DISPUTED or code:
                disputed.append({**shape, "name": "W. Sahara"})
            else:
                others.append(shape)
    return {
        "source": "Natural Earth 1:50m countries (public domain), from npm world-atlas 2.0.2",
        "built_by": "scripts/build_map.py",
        "region": {"west": WEST, "east": EAST, "south": SOUTH, "north": NORTH},
        "width": WIDTH,
        "height": HEIGHT,
        "scale": SCALE,
        "countries": dict(sorted(countries.items())),
        "others": sorted(others, key=lambda shape: shape["name"]),
        "disputed": disputed,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", help="countries-50m.json of world-atlas (default: npm pack)")
    arguments = parser.parse_args()
    data = build(atlas_path(arguments.atlas))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{OUTPUT.relative_to(ROOT)}: {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
