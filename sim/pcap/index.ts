/**
 * Packet capture for the simulator: classic pcap files of simulated traffic.
 *
 * @example
 * import { Capture, busTap } from './sim/pcap/index.js';
 * const cap = new Capture(busTap(lab.sim));
 * // … run pings …
 * for (const f of cap.files()) writeFileSync(join(dir, f.path), f.bytes);
 */
export { Capture, DeviceCapture, captureDevice, busTap, type FrameTap, type TappedFrame, type InterfaceCapture, type CaptureOptions } from './capture.js';
export { PcapWriter, LINKTYPE, SNAPLEN, PCAP_EPOCH_US, type LinkType } from './writer.js';
export { readPcap, type PcapFile, type PcapRecord } from './reader.js';
export { frameBytes, packetBytes } from './frame-bytes.js';
