# bench/cycles_render.py: the Blender side of bench/cycles. Imports a shot
# that `auteur export` wrote, lights the world with the uniform sky colour
# from the file's extras, and renders it with Cycles on the CPU.
#
# usage: blender -b --factory-startup --python bench/cycles_render.py -- \
#            SHOT.glb OUTDIR WIDTH HEIGHT THREADS SPP [SPP ...]
# Writes OUTDIR/cycles-SPP.png per sample count and prints one line
# "cycles spp=N seconds=T" each (T: wall time of the render call).
import json
import struct
import sys
import time

import bpy
import numpy

# Debian 12 pairs Blender 3.4's glTF importer, which still names the
# np.bool alias, with NumPy 1.24, which removed it.
if "bool" not in numpy.__dict__:
    numpy.bool = bool


def glb_json(path):
    with open(path, "rb") as f:
        data = f.read()
    magic, _, _ = struct.unpack_from("<III", data, 0)
    if magic != 0x46546C67:
        raise SystemExit(f"{path}: not a glTF binary")
    length, _ = struct.unpack_from("<II", data, 12)
    return json.loads(data[20:20 + length])


def main():
    argv = sys.argv[sys.argv.index("--") + 1:]
    glb, outdir = argv[0], argv[1]
    width, height, threads = int(argv[2]), int(argv[3]), int(argv[4])
    spps = [int(s) for s in argv[5:]]
    doc = glb_json(glb)
    extras = doc["scenes"][0]["extras"]["auteur"]

    bpy.ops.wm.read_factory_settings(use_empty=True)
    bpy.ops.import_scene.gltf(filepath=glb)
    scene = bpy.context.scene
    cams = [o for o in scene.objects if o.type == "CAMERA"]
    if not cams:
        raise SystemExit(f"{glb}: no camera imported")
    scene.camera = cams[0]
    # glTF time 0 is Blender frame 0 in this importer; the camera rests
    # there at the export time.
    scene.frame_set(int(round(extras.get("at_s", 0.0) * scene.render.fps)))

    # The uniform sky both renderers are compared under.
    world = bpy.data.worlds.new("auteur sky")
    world.use_nodes = True
    bg = world.node_tree.nodes["Background"]
    sky = extras["sky_rgb"]
    bg.inputs["Color"].default_value = (sky[0], sky[1], sky[2], 1.0)
    bg.inputs["Strength"].default_value = 1.0
    scene.world = world

    # The sun's disc and the lamps' spheres give auteur's soft shadows.
    radii = extras.get("lamp_radius_m", [])
    for o in scene.objects:
        if o.type != "LIGHT":
            continue
        if o.data.type == "SUN":
            o.data.angle = extras.get("sun_angle_rad", o.data.angle)
        elif o.name.startswith("lamp-"):
            k = int(o.name.split("-")[1].split(".")[0]) - 1
            if 0 <= k < len(radii):
                o.data.shadow_soft_size = radii[k]

    scene.render.engine = "CYCLES"
    scene.cycles.device = "CPU"
    scene.cycles.use_denoising = False
    scene.cycles.use_adaptive_sampling = False
    # auteur traces one bounce of indirect light; glass needs a few more.
    scene.cycles.max_bounces = 4
    scene.cycles.diffuse_bounces = 1
    scene.cycles.glossy_bounces = 1
    scene.cycles.transmission_bounces = 4
    scene.cycles.seed = 1
    scene.render.threads_mode = "FIXED"
    scene.render.threads = threads
    scene.render.resolution_x = width
    scene.render.resolution_y = height
    scene.render.resolution_percentage = 100
    scene.render.image_settings.file_format = "PNG"
    scene.render.image_settings.color_mode = "RGB"
    scene.render.image_settings.color_depth = "8"
    scene.view_settings.view_transform = "Standard"
    scene.view_settings.look = "None"
    scene.view_settings.exposure = float(extras.get("exposure_ev", 0.0))

    for spp in spps:
        scene.cycles.samples = spp
        scene.render.filepath = f"{outdir}/cycles-{spp}.png"
        t0 = time.monotonic()
        bpy.ops.render.render(write_still=True)
        dt = time.monotonic() - t0
        print(f"cycles spp={spp} seconds={dt:.3f}", flush=True)

    names = sorted(o.name for o in scene.objects if o.type in ("CAMERA", "LIGHT"))
    print("cycles objects=" + ",".join(names), flush=True)
    cam = scene.camera
    print(f"cycles camera angle_y={cam.data.angle_y:.6f} "
          f"location={tuple(round(v, 4) for v in cam.matrix_world.translation)}",
          flush=True)


main()
