package dev.cellshell.compositor.gl;

import static org.lwjgl.egl.EGL10.EGL_ALPHA_SIZE;
import static org.lwjgl.egl.EGL10.EGL_BLUE_SIZE;
import static org.lwjgl.egl.EGL10.EGL_GREEN_SIZE;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_RED_SIZE;
import static org.lwjgl.egl.EGL10.EGL_STENCIL_SIZE;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL10.eglChooseConfig;
import static org.lwjgl.egl.EGL10.eglDestroyContext;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglInitialize;
import static org.lwjgl.egl.EGL10.eglMakeCurrent;
import static org.lwjgl.egl.EGL10.eglTerminate;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;
import static org.lwjgl.egl.EGL10.eglCreateContext;

import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL33C;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * A GL 3.3 core context with no window and no display server: Mesa's surfaceless EGL platform, drawing into a
 * persistent {@link Framebuffer} (RGBA8 colour, 24/8 depth-stencil). Works on llvmpipe with nothing but
 * {@code libegl1}.
 */
public final class EglOffscreenSurface implements GlSurface {

    /** EGL_PLATFORM_SURFACELESS_MESA; LWJGL has no constant for it. */
    private static final int PLATFORM_SURFACELESS_MESA = 0x31DD;
    private static final int EGL_PBUFFER_BIT = 0x0001;

    private int width;
    private int height;
    private final long display;
    private final long context;
    private final Framebuffer framebuffer;
    /**
     * Surfaces open per EGL display: Mesa hands every caller the same surfaceless display, and terminating it
     * destroys every context on it, so only the last surface to close terminates it.
     */
    private static final java.util.Map<Long, Integer> OPEN = new java.util.HashMap<>();
    private final String renderer;
    private boolean closed;

    private EglOffscreenSurface(int width, int height) {
        this.width = width;
        this.height = height;
        EGLCapabilities client = EGL.getCapabilities();
        long getPlatformDisplay = client.eglGetPlatformDisplay != 0 ? client.eglGetPlatformDisplay
                : client.eglGetPlatformDisplayEXT;
        if (getPlatformDisplay == 0) {
            throw new IllegalStateException("EGL has no eglGetPlatformDisplay: install libegl1 and libegl-mesa0");
        }
        display = JNI.callPPP(PLATFORM_SURFACELESS_MESA, 0L, 0L, getPlatformDisplay);
        if (display == EGL_NO_DISPLAY) {
            throw new IllegalStateException("no surfaceless EGL display (Mesa's libegl-mesa0 missing?) error 0x"
                    + Integer.toHexString(eglGetError()));
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            if (!eglInitialize(display, stack.mallocInt(1), stack.mallocInt(1))) {
                throw new IllegalStateException("eglInitialize failed: 0x" + Integer.toHexString(eglGetError()));
            }
            synchronized (OPEN) {
                OPEN.merge(display, 1, Integer::sum);
            }
            EGL.createDisplayCapabilities(display);
            eglBindAPI(EGL_OPENGL_API);
            PointerBuffer configs = stack.mallocPointer(1);
            var count = stack.mallocInt(1);
            int[] configAttributes = {
                EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_STENCIL_SIZE, 8,
                EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE};
            if (!eglChooseConfig(display, stack.ints(configAttributes), configs, count) || count.get(0) == 0) {
                throw new IllegalStateException("no EGL config for an RGBA8 OpenGL context");
            }
            int[] contextAttributes = {
                EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
            context = eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT, stack.ints(contextAttributes));
            if (context == EGL_NO_CONTEXT) {
                throw new IllegalStateException("eglCreateContext failed: 0x" + Integer.toHexString(eglGetError()));
            }
        }
        if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
            throw new IllegalStateException("eglMakeCurrent failed: 0x" + Integer.toHexString(eglGetError()));
        }
        GL.createCapabilities();
        renderer = "OpenGL " + GL33C.glGetString(GL33C.GL_RENDERER);
        framebuffer = new Framebuffer(width, height);
    }

    /** Creates the context and makes it current on the calling thread. */
    public static EglOffscreenSurface create(int width, int height) {
        return new EglOffscreenSurface(width, height);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int framebuffer() {
        return framebuffer.id();
    }

    /** Makes this context current on the calling thread again (after another surface was used on it). */
    @Override
    public void makeCurrent() {
        if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
            throw new IllegalStateException("eglMakeCurrent failed: 0x" + Integer.toHexString(eglGetError()));
        }
        GL.createCapabilities();
        GL33C.glBindFramebuffer(GL33C.GL_FRAMEBUFFER, framebuffer.id());
    }

    @Override
    public void resize(int newWidth, int newHeight) {
        framebuffer.resize(newWidth, newHeight);
        width = newWidth;
        height = newHeight;
    }

    @Override
    public void present() {
        GL33C.glFinish();
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public String renderer() {
        return renderer;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        framebuffer.close();
        GL.setCapabilities(null);
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
        synchronized (OPEN) {
            if (OPEN.merge(display, -1, Integer::sum) <= 0) {
                OPEN.remove(display);
                eglTerminate(display);
            }
        }
    }
}
