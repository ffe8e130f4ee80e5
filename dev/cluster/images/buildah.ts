// The buildah commands the image recipes use, each logged to the image's build log.
import { run } from '../../toolchain/exec.js';

export class Buildah {
  constructor(readonly logFile: string) {}

  async exec(args: readonly string[]): Promise<string> {
    return (await run('buildah', args, { logFile: this.logFile })).stdout.trim();
  }

  async imageExists(ref: string): Promise<boolean> {
    try {
      await run('buildah', ['inspect', '--type', 'image', '--format', '{{.FromImageID}}', ref]);
      return true;
    } catch {
      return false;
    }
  }

  /** A working container from a local image (`scratch` for an empty one); never pulled. */
  async from(image: string): Promise<string> {
    return this.exec(image === 'scratch' ? ['from', 'scratch'] : ['from', '--pull=never', image]);
  }

  /** Host network: the build reaches deb.debian.org and the npm registry like the host does. */
  async run(container: string, script: string): Promise<void> {
    await this.exec(['run', '--network', 'host', container, '--', 'sh', '-ec', script]);
  }

  async mount(container: string): Promise<string> {
    return this.exec(['mount', container]);
  }

  async umount(container: string): Promise<void> {
    await this.exec(['umount', container]);
  }

  async config(container: string, args: readonly string[]): Promise<void> {
    await this.exec(['config', ...args, container]);
  }

  async commit(container: string, ref: string): Promise<void> {
    await this.exec(['commit', '--rm', '--format', 'oci', container, ref]);
  }

  async remove(container: string): Promise<void> {
    await run('buildah', ['rm', container], { logFile: this.logFile }).catch(() => undefined);
  }

  /** The registry serves plain HTTP on loopback; containerd 1.6 pulls OCI manifests. */
  async push(ref: string): Promise<void> {
    await this.exec(['push', '--tls-verify=false', '--format', 'oci', ref, `docker://${ref}`]);
  }

  /** Builds in a fresh working container and commits it, removing the container if any step fails. */
  async build(from: string, ref: string, steps: (container: string) => Promise<void>): Promise<void> {
    const container = await this.from(from);
    try {
      await steps(container);
      await this.commit(container, ref);
    } catch (err) {
      await this.remove(container);
      throw err;
    }
  }
}
