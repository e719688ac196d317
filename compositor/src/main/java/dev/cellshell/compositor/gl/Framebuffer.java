package dev.cellshell.compositor.gl;

import org.lwjgl.opengl.GL33C;

/**
 * A framebuffer object with an RGBA8 colour and a depth24/stencil8 renderbuffer: the compositor's persistent back
 * buffer. Its pixels stay put between frames (a window's default framebuffer is undefined after a swap), which is
 * what lets a frame redraw only its damage. Needs a current GL context; one per surface.
 */
final class Framebuffer implements AutoCloseable {

    private final int id;
    private final int colour;
    private final int depthStencil;
    private int width;
    private int height;
    private boolean closed;

    Framebuffer(int width, int height) {
        id = GL33C.glGenFramebuffers();
        colour = GL33C.glGenRenderbuffers();
        depthStencil = GL33C.glGenRenderbuffers();
        resize(width, height);
    }

    /** (Re)allocates the storage; the contents are undefined afterwards. */
    void resize(int newWidth, int newHeight) {
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("framebuffer size " + newWidth + "x" + newHeight);
        }
        width = newWidth;
        height = newHeight;
        GL33C.glBindFramebuffer(GL33C.GL_FRAMEBUFFER, id);
        GL33C.glBindRenderbuffer(GL33C.GL_RENDERBUFFER, colour);
        GL33C.glRenderbufferStorage(GL33C.GL_RENDERBUFFER, GL33C.GL_RGBA8, width, height);
        GL33C.glFramebufferRenderbuffer(GL33C.GL_FRAMEBUFFER, GL33C.GL_COLOR_ATTACHMENT0, GL33C.GL_RENDERBUFFER,
                colour);
        GL33C.glBindRenderbuffer(GL33C.GL_RENDERBUFFER, depthStencil);
        GL33C.glRenderbufferStorage(GL33C.GL_RENDERBUFFER, GL33C.GL_DEPTH24_STENCIL8, width, height);
        GL33C.glFramebufferRenderbuffer(GL33C.GL_FRAMEBUFFER, GL33C.GL_DEPTH_STENCIL_ATTACHMENT,
                GL33C.GL_RENDERBUFFER, depthStencil);
        int status = GL33C.glCheckFramebufferStatus(GL33C.GL_FRAMEBUFFER);
        if (status != GL33C.GL_FRAMEBUFFER_COMPLETE) {
            throw new IllegalStateException("framebuffer " + width + "x" + height + " incomplete: 0x"
                    + Integer.toHexString(status));
        }
    }

    int id() {
        return id;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Copies the whole buffer to the default framebuffer (a window's back buffer), unscaled. */
    void blitToDefault() {
        GL33C.glBindFramebuffer(GL33C.GL_READ_FRAMEBUFFER, id);
        GL33C.glBindFramebuffer(GL33C.GL_DRAW_FRAMEBUFFER, 0);
        GL33C.glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL33C.GL_COLOR_BUFFER_BIT,
                GL33C.GL_NEAREST);
        GL33C.glBindFramebuffer(GL33C.GL_FRAMEBUFFER, id);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            GL33C.glDeleteFramebuffers(id);
            GL33C.glDeleteRenderbuffers(colour);
            GL33C.glDeleteRenderbuffers(depthStencil);
        }
    }
}
