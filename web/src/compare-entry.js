// The compare room's script: it hands the room to the app that loads it.
import { mountCompareRoom } from './compare-room.js';

self.SoftmaxCompareRoom = mountCompareRoom;
